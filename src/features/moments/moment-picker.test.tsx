// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../../lib/i18n/i18n';
import { MomentPicker } from './moment-picker';

afterEach(cleanup);

const AT = Date.UTC(2026, 11, 1, 21);
const range = {
  first: Date.UTC(2026, 10, 1),
  last: Date.UTC(2026, 11, 2),
  coverage: [[Date.UTC(2026, 10, 1), Date.UTC(2026, 11, 2)]] as [number, number][],
};

function picker(choose = vi.fn()) {
  return (
    <I18nProvider lang="en">
      <MomentPicker at={AT} vs={AT - 3_600_000} range={range} events={[]} choose={choose} />
    </I18nProvider>
  );
}

describe('the moment picker before and after the app takes over', () => {
  it('comes from the server with its buttons disabled, as a click there would do nothing', () => {
    const page = document.createElement('div');
    page.innerHTML = renderToString(picker());
    const buttons = [...page.querySelectorAll('button')];
    expect(buttons.length).toBeGreaterThanOrEqual(5);
    for (const button of buttons) expect(button.disabled).toBe(true);
  });

  it('works in the browser: a step back to compare with asks for that moment', () => {
    const choose = vi.fn();
    render(picker(choose));
    for (const button of screen.getAllByRole('button'))
      expect((button as HTMLButtonElement).disabled).toBe(false);
    screen.getAllByTestId('moment-vs')[1]!.click();
    expect(choose).toHaveBeenCalledWith({ vs: expect.any(String) }, 'push');
  });
});
