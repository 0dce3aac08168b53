// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useBarCursor } from './use-bar-cursor';

function Bars({ count, open }: { count: number; open: (i: number) => void }) {
  const cursor = useBarCursor(count, open);
  return (
    <div role="application" tabIndex={0} onKeyDown={cursor.onKeyDown} onBlur={cursor.onBlur}>
      {cursor.active ?? 'none'}
    </div>
  );
}

afterEach(cleanup);

const press = (key: string) => fireEvent.keyDown(screen.getByRole('application'), { key });

describe('useBarCursor', () => {
  it('starts on the largest bar and walks down and up without leaving the chart', () => {
    render(<Bars count={3} open={vi.fn()} />);
    const chart = screen.getByRole('application');
    expect(chart.textContent).toBe('none');
    press('ArrowDown');
    expect(chart.textContent).toBe('0');
    press('ArrowDown');
    press('ArrowRight');
    press('ArrowDown');
    expect(chart.textContent).toBe('2');
    press('ArrowUp');
    expect(chart.textContent).toBe('1');
    press('Home');
    expect(chart.textContent).toBe('0');
    press('End');
    expect(chart.textContent).toBe('2');
  });

  it('opens the bar it is on with Enter, and lets go on Escape or leaving', () => {
    const open = vi.fn();
    render(<Bars count={3} open={open} />);
    press('Enter');
    expect(open).not.toHaveBeenCalled();
    press('End');
    press('Enter');
    expect(open).toHaveBeenCalledWith(2);
    press('Escape');
    expect(screen.getByRole('application').textContent).toBe('none');
    press('Home');
    fireEvent.blur(screen.getByRole('application'));
    expect(screen.getByRole('application').textContent).toBe('none');
  });

  it('stays on a bar that still exists when a refresh brings fewer pools', () => {
    const view = render(<Bars count={5} open={vi.fn()} />);
    press('End');
    view.rerender(<Bars count={2} open={vi.fn()} />);
    expect(screen.getByRole('application').textContent).toBe('1');
  });
});
