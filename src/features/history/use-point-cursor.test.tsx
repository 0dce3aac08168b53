// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { usePointCursor } from './use-point-cursor';

function Points({ count }: { count: number }) {
  const cursor = usePointCursor(count);
  return (
    <div role="application" tabIndex={0} onKeyDown={cursor.onKeyDown} onBlur={cursor.onBlur}>
      {cursor.active ?? 'none'}
    </div>
  );
}

afterEach(cleanup);
const press = (key: string) => fireEvent.keyDown(screen.getByRole('application'), { key });
const at = () => screen.getByRole('application').textContent;

describe('usePointCursor', () => {
  it('lands on the latest point, then steps through time like a slider', () => {
    render(<Points count={50} />);
    expect(at()).toBe('none');
    press('ArrowLeft');
    expect(at()).toBe('49');
    press('ArrowLeft');
    press('ArrowDown');
    expect(at()).toBe('47');
    press('ArrowRight');
    press('ArrowUp');
    press('ArrowUp');
    expect(at()).toBe('49');
  });

  it('jumps a tenth with Page Up and Page Down and to either end with Home and End', () => {
    render(<Points count={50} />);
    press('Home');
    expect(at()).toBe('0');
    press('PageUp');
    expect(at()).toBe('5');
    press('PageDown');
    press('PageDown');
    expect(at()).toBe('0');
    press('End');
    expect(at()).toBe('49');
  });

  it('lets go on Escape or when the chart loses focus, and does nothing without points', () => {
    render(<Points count={3} />);
    press('End');
    press('Escape');
    expect(at()).toBe('none');
    press('Home');
    fireEvent.blur(screen.getByRole('application'));
    expect(at()).toBe('none');
    cleanup();
    render(<Points count={0} />);
    press('End');
    expect(at()).toBe('none');
  });
});
