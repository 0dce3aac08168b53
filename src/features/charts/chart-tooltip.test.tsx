// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChartRow } from './chart-data';
import { PoolDetails } from './chart-tooltip';
import { LiveRows } from './live-rows';

afterEach(cleanup);

const drawn: ChartRow = {
  key: 'BTCUSDT,ETHUSDT',
  name: 'BTC · ETH',
  balance: '793930579.315848',
  value: 793930579.315848,
  logValue: 793930579.315848,
  clamped: false,
  rank: 1,
  members: 2,
  leading: ['BTCUSDT', 'ETHUSDT'],
  opens: 'BTCUSDT',
  highlighted: false,
  flags: [],
};

describe('the pool details of a bar', () => {
  it('show the latest exact balance even when the bar was drawn from an older refresh', () => {
    const latest = { ...drawn, balance: '793930579.415849' };
    render(
      <LiveRows value={new Map([[drawn.key, latest]])}>
        <PoolDetails row={drawn} how="click" asset="USDT" log floor={1} />
      </LiveRows>,
    );
    expect(screen.getByText('793,930,579.415849')).toBeTruthy();
    expect(screen.queryByText('793,930,579.315848')).toBeNull();
  });
});
