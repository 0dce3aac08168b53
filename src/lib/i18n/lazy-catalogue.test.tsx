// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(cleanup);

/** The i18n modules as a page loads them: English in hand, Chinese not yet (the test setup's copy holds both). */
async function fresh() {
  vi.resetModules();
  return { ...(await import('./catalogues')), ...(await import('./i18n')) };
}

describe('the Chinese texts, loaded on demand', () => {
  it('are fetched once asked for, and English serves until they are in', async () => {
    const i18n = await fresh();
    expect(i18n.hasCatalogue('en')).toBe(true);
    expect(i18n.hasCatalogue('zh-CN')).toBe(false);
    expect(i18n.createI18n('zh-CN').t('app.title')).toBe('Insurance fund balances');
    await i18n.loadCatalogue('zh-CN');
    expect(i18n.createI18n('zh-CN').t('app.title')).toBe('保险基金余额');
  });

  it('show a page in Chinese as soon as they arrive', async () => {
    const { I18nProvider, useI18n, useLoadedLang } = await fresh();
    function Title() {
      return <h1>{useI18n().t('app.title')}</h1>;
    }
    function Page() {
      return (
        <I18nProvider lang={useLoadedLang('zh-CN')}>
          <Title />
        </I18nProvider>
      );
    }
    render(<Page />);
    expect(screen.getByRole('heading').textContent).toBe('Insurance fund balances');
    expect((await screen.findByText('保险基金余额')).tagName).toBe('H1');
  });
});
