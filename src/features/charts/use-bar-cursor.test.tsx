// @vitest-environment jsdom
import { cleanup } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { at, leave, press, renderCursor, walk } from '../../test/cursor-chart';
import { useBarCursor } from './use-bar-cursor';

afterEach(cleanup);

describe('useBarCursor', () => {
  it('starts on the largest bar and walks down and up without leaving the chart', () => {
    renderCursor(() => useBarCursor(3, vi.fn()));
    expect(
      walk(
        [],
        ['ArrowDown'],
        ['ArrowDown', 'ArrowRight', 'ArrowDown'],
        ['ArrowUp'],
        ['Home'],
        ['End'],
      ),
    ).toEqual(['none', '0', '2', '1', '0', '2']);
  });

  it('opens the bar it is on with Enter, and lets go on Escape or leaving', () => {
    const open = vi.fn();
    renderCursor(() => useBarCursor(3, open));
    press('Enter');
    expect(open).not.toHaveBeenCalled();
    press('End');
    press('Enter');
    expect(open).toHaveBeenCalledWith(2);
    press('Escape');
    expect(at()).toBe('none');
    press('Home');
    leave();
    expect(at()).toBe('none');
  });

  it('stays on a bar that still exists when a refresh brings fewer pools', () => {
    const view = renderCursor(() => useBarCursor(5, vi.fn()));
    press('End');
    view.rerender(() => useBarCursor(2, vi.fn()));
    expect(at()).toBe('1');
  });
});
