// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Pool } from '../../core/pool-schema';
import { AssetChartCard } from './asset-chart-card';
import { shapeCharts } from './chart-data';

const drawn = vi.hoisted(() => ({ count: 0 }));
vi.mock('./asset-chart', () => ({
  AssetChart: () => {
    drawn.count += 1;
    return <svg data-testid="stub-chart" />;
  },
}));

const t = 1763699400000;
const pools = (usdt: string): Pool[] => [
  { symbols: ['BTCUSDT'], assets: [{ asset: 'USDT', marginBalance: usdt, updateTime: t }] },
  { symbols: ['XRPUSDT'], assets: [{ asset: 'USDT', marginBalance: '5.5', updateTime: t + 1 }] },
];

afterEach(() => {
  cleanup();
  drawn.count = 0;
});

describe('AssetChartCard', () => {
  it('names the chart by its asset, pool count and exact total', () => {
    render(
      <AssetChartCard chart={shapeCharts(pools('10.25'))[0]!} scale="log" navigate={vi.fn()} />,
    );
    expect(screen.getByRole('figure').getAttribute('data-asset')).toBe('USDT');
    expect(screen.getByRole('figure', { name: /USDT: balance of each pool/ })).toBeTruthy();
    expect(screen.getByText('2 pools · total 15.75 USDT')).toBeTruthy();
  });

  it('redraws only when the figures or the scale change, not on a refresh of equal data', () => {
    const navigate = vi.fn();
    const view = render(
      <AssetChartCard chart={shapeCharts(pools('10.25'))[0]!} scale="log" navigate={navigate} />,
    );
    view.rerender(
      <AssetChartCard chart={shapeCharts(pools('10.25'))[0]!} scale="log" navigate={navigate} />,
    );
    expect(drawn.count).toBe(1);
    view.rerender(
      <AssetChartCard chart={shapeCharts(pools('10.26'))[0]!} scale="log" navigate={navigate} />,
    );
    expect(drawn.count).toBe(2);
    view.rerender(
      <AssetChartCard chart={shapeCharts(pools('10.26'))[0]!} scale="linear" navigate={navigate} />,
    );
    expect(drawn.count).toBe(3);
  });
});
