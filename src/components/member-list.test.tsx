// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '../lib/i18n/i18n';
import { MemberList } from './member-list';

afterEach(cleanup);

const symbols = [
  'PROMPTUSDT',
  'PUFFERUSDT',
  'QNTUSDT',
  'REDUSDT',
  'REIUSDT',
  'PUMPUSDT',
  'PYTHUSDT',
];

function show(props: Partial<Parameters<typeof MemberList>[0]> = {}) {
  render(
    <I18nProvider lang="en">
      <MemberList symbols={symbols} highlight={undefined} {...props} />
    </I18nProvider>,
  );
  return within(screen.getByRole('list', { name: 'Member symbols' }));
}

describe('MemberList', () => {
  it('lists every member in the exchange’s order when it has room', () => {
    const list = show();
    expect(list.getAllByRole('listitem').map((li) => li.textContent)).toEqual(symbols);
  });

  it('cut to its lines, shows the members the pool is named after and counts the rest', () => {
    const list = show({ space: { line: 24, lines: 1, gap: 1 } });
    const items = list.getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual(['QNTUSDT', 'REDUSDT', '+5 more']);
    expect(list.getByTestId('members-more').textContent).toBe('+5 more');
  });
});
