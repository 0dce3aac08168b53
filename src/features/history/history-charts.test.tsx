// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '../../lib/i18n/i18n';
import { gapsOf, regroupingsOf } from './history-gaps';
import { HistoryCharts } from './history-charts';
import { answer, at } from './test-answer';

afterEach(cleanup);

const marks = { gaps: gapsOf(answer), regroupings: regroupingsOf(answer) };

function show(scale: 'linear' | 'log' = 'linear') {
  render(
    <I18nProvider lang="en">
      <HistoryCharts answer={answer} marks={marks} scale={scale} />
    </I18nProvider>,
  );
}

const chartOf = (asset: string) =>
  screen.getAllByTestId('history-chart').find((c) => c.dataset.asset === asset)!;

describe('HistoryCharts', () => {
  it('draws a chart per asset and the pool’s value, each saying how many points it draws', () => {
    show();
    expect(screen.getAllByTestId('history-chart').map((c) => c.dataset.asset)).toEqual([
      'USDT',
      'USDC',
    ]);
    expect(chartOf('USDT').dataset.points).toBe('6');
    // cut at the gap and at the change of pool
    expect(chartOf('USDT').dataset.lines).toBe('3');
    expect(chartOf('USDC').dataset.points).toBe('2');
    expect(screen.getByTestId('history-value-chart').dataset.points).toBe('8');
  });

  it('fits the linear axis to each series and says it does not start at zero; log spans decades', () => {
    show('linear');
    expect(chartOf('USDT').dataset.scale).toBe('fitted');
    expect(within(chartOf('USDC')).getByTestId('axis-fitted').textContent).toMatch(
      /does not start at zero/,
    );
    cleanup();
    show('log');
    expect(chartOf('USDT').dataset.scale).toBe('log');
    expect(screen.queryByTestId('axis-fitted')).toBeNull();
  });

  it('reads out the point the keyboard lands on: exact balance, time with its zone, pool', () => {
    show();
    const usdt = chartOf('USDT');
    const keys = within(usdt).getByRole('application', {
      name: 'USDT balance over time, linear scale',
    });
    fireEvent.keyDown(keys, { key: 'End' });
    const readout = within(usdt).getByTestId('history-readout');
    expect(readout.textContent).toContain('37.9 USDT');
    expect(readout.textContent).toContain(`${new Date(at(80)).toISOString().slice(0, 10)} `);
    expect(readout.textContent).toMatch(/01:20:00 UTC/);
    expect(readout.textContent).toContain('Pool: LINK · BONK · 1000PEPE');
    fireEvent.keyDown(keys, { key: 'ArrowLeft' });
    expect(readout.textContent).toContain('38.1 USDT');
    fireEvent.keyDown(keys, { key: 'Home' });
    expect(readout.textContent).toContain('300.5 USDT');
    expect(readout.textContent).toContain('Pool: ADA · LINK');
    fireEvent.keyDown(keys, { key: 'Escape' });
    expect(readout.textContent).toBe('');
  });

  it('gives the same points in a table, newest first, marking a new pool and the end of a gap', () => {
    show();
    const usdt = chartOf('USDT');
    const details = usdt.querySelector('details')!;
    details.open = true;
    fireEvent(details, new Event('toggle'));
    const rows = within(within(usdt).getByTestId('history-table')).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.querySelector('[data-value]')!.getAttribute('data-value'))).toEqual([
      '37.9',
      '38.1',
      '307',
      '305',
      '310.25',
      '300.5',
    ]);
    expect(rows[1]!.textContent).toContain('first point in this pool');
    expect(rows[3]!.textContent).toContain('first point after a gap in the record');
  });
});
