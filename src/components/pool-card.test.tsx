// @vitest-environment jsdom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Pool } from '../core/pool-schema';
import { changeKey, type Changes } from '../core/refresh-change';
import { I18nProvider } from '../lib/i18n/i18n';
import { PoolCard } from './pool-card';

const renders = vi.hoisted(() => ({ count: 0, ages: 0 }));
vi.mock('./balance', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./balance')>();
  return {
    Balance: (props: Parameters<typeof actual.Balance>[0]) => {
      renders.count += 1;
      return actual.Balance(props);
    },
  };
});

vi.mock('./pool-card-parts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./pool-card-parts')>();
  return {
    ...actual,
    SnapshotAge: (props: Parameters<typeof actual.SnapshotAge>[0]) => {
      renders.ages += 1;
      return actual.SnapshotAge(props);
    },
  };
});

afterEach(cleanup);

const t = Date.UTC(2026, 2, 27, 8, 0, 0);
const majors: Pool = {
  symbols: ['BTCUSDT', 'ETHUSDT', 'BNBUSDT', '币安人生USDT'],
  assets: [
    { asset: 'USDT', marginBalance: '793930579.315848', updateTime: t },
    { asset: 'BTC', marginBalance: '61.73143554', updateTime: t },
  ],
};
const depleted: Pool = {
  symbols: ['BSWUSDT', 'LEVERUSDT'],
  assets: [{ asset: 'USDT', marginBalance: '12.48213577', updateTime: t }],
};

const inEnglish = (ui: React.ReactNode) => <I18nProvider lang="en">{ui}</I18nProvider>;

describe('PoolCard', () => {
  it('shows every member and each balance exactly, with the snapshot time in UTC', () => {
    render(inEnglish(<PoolCard pool={majors} now={t + 5 * 60_000} />));
    const card = screen.getByTestId('pool');
    for (const s of majors.symbols) expect(card.textContent).toContain(s);
    const usdt = within(card).getAllByTestId('balance')[0]!;
    expect(usdt.dataset.value).toBe('793930579.315848');
    expect(usdt.textContent).toContain('793,930,579.315848');
    expect(card.textContent).toContain('4 symbols');
    expect(card.textContent).toContain('2026-03-27 08:00:00 UTC');
    expect(card.textContent).toContain('5 min. ago');
    expect(screen.getByRole('heading', { name: 'BTC · ETH · BNB' })).toBeTruthy();
  });

  it('flags a snapshot older than the given threshold as stale, and nothing else', () => {
    const { rerender } = render(inEnglish(<PoolCard pool={majors} now={t + 14 * 60_000} />));
    expect(screen.queryByTestId('pool-stale')).toBeNull();
    expect(screen.queryByTestId('pool-flag')).toBeNull();
    rerender(inEnglish(<PoolCard pool={depleted} now={t + 3 * 86_400_000} />));
    const stale = within(screen.getByTestId('pool-stale')).getByTestId('pool-flag');
    expect(stale.dataset.flag).toBe('stale');
    expect(stale.textContent).toContain('Stale');
    expect(stale.title).toContain('Snapshot 3 days old, more than 15 minutes');
    expect(stale.title).toContain('not known yet');
    expect(screen.getAllByTestId('pool-flag')).toHaveLength(1);
  });

  it('follows the clock by itself when given none, minute by minute', () => {
    vi.useFakeTimers({ now: t + 20_000 });
    try {
      render(inEnglish(<PoolCard pool={majors} />));
      const card = screen.getByTestId('pool');
      expect(card.textContent).toContain('just now');
      act(() => vi.advanceTimersByTime(2 * 60_000));
      expect(card.textContent).toContain('2 min. ago');
      expect(screen.queryByTestId('pool-stale')).toBeNull();
      act(() => vi.advanceTimersByTime(14 * 60_000));
      expect(card.textContent).toContain('16 min. ago');
      expect(screen.getByTestId('pool-stale')).toBeTruthy();
    } finally {
      vi.useRealTimers();
    }
  });

  it('highlights the searched symbol among its co-members', () => {
    render(inEnglish(<PoolCard pool={majors} now={t} highlightSymbol="币安人生USDT" />));
    expect(screen.getByTestId('highlighted-symbol').textContent).toContain('币安人生USDT');
    expect(screen.getAllByTestId('highlighted-symbol')).toHaveLength(1);
  });

  it('marks a changed balance with the size of its move, and re-renders only when its own pool or change differs', () => {
    const changes: Changes = new Map([
      [changeKey(majors, 'USDT'), { change: 'drop', rel: -0.0612 }],
    ]);
    const { rerender } = render(inEnglish(<PoolCard pool={majors} now={t} changes={changes} />));
    expect(screen.getAllByTestId('balance')[0]!.dataset.change).toBe('drop');
    expect(screen.getByTestId('change-mark').textContent).toContain('▼▼6.1%');
    expect(screen.getByText('sharp drop of 6.1% since the last refresh')).toBeTruthy();
    renders.count = 0;
    const unrelated: Changes = new Map([
      [changeKey(depleted, 'USDT'), { change: 'up', rel: 0.02 }],
      // the same move, found again by a later comparison
      [changeKey(majors, 'USDT'), { change: 'drop', rel: -0.0612 }],
    ]);
    rerender(inEnglish(<PoolCard pool={majors} now={t} changes={unrelated} />));
    expect(renders.count).toBe(0);
    rerender(inEnglish(<PoolCard pool={majors} now={t} changes={new Map()} />));
    expect(renders.count).toBe(2);
    expect(screen.getAllByTestId('balance')[0]!.dataset.change).toBeUndefined();
  });

  it('leaves the age line alone when only a balance moved', () => {
    const { rerender } = render(inEnglish(<PoolCard pool={majors} now={t} />));
    renders.count = 0;
    renders.ages = 0;
    const moved: Pool = {
      ...majors,
      assets: [{ ...majors.assets[0]!, marginBalance: '793930580' }, majors.assets[1]!],
    };
    rerender(inEnglish(<PoolCard pool={moved} now={t} />));
    expect(renders.count).toBe(2);
    expect(renders.ages).toBe(0);
    expect(screen.getAllByTestId('balance')[0]!.dataset.value).toBe('793930580');
    const later: Pool = {
      ...moved,
      assets: moved.assets.map((a) => ({ ...a, updateTime: t + 60_000 })),
    };
    rerender(inEnglish(<PoolCard pool={later} now={t + 60_000} />));
    expect(renders.ages).toBe(1);
    expect(screen.getByTestId('pool').textContent).toContain('2026-03-27 08:01:00 UTC');
  });
});
