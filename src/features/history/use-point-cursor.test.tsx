// @vitest-environment jsdom
import { cleanup } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { at, leave, press, renderCursor, walk } from '../../test/cursor-chart';
import { usePointCursor } from './use-point-cursor';

afterEach(cleanup);

describe('usePointCursor', () => {
  it('lands on the latest point, then steps through time like a slider', () => {
    renderCursor(() => usePointCursor(50));
    expect(
      walk([], ['ArrowLeft'], ['ArrowLeft', 'ArrowDown'], ['ArrowRight', 'ArrowUp', 'ArrowUp']),
    ).toEqual(['none', '49', '47', '49']);
  });

  it('jumps a tenth with Page Up and Page Down and to either end with Home and End', () => {
    renderCursor(() => usePointCursor(50));
    expect(walk(['Home'], ['PageUp'], ['PageDown', 'PageDown'], ['End'])).toEqual([
      '0',
      '5',
      '0',
      '49',
    ]);
  });

  it('lets go on Escape or when the chart loses focus, and does nothing without points', () => {
    renderCursor(() => usePointCursor(3));
    press('End');
    press('Escape');
    expect(at()).toBe('none');
    press('Home');
    leave();
    expect(at()).toBe('none');
    cleanup();
    renderCursor(() => usePointCursor(0));
    press('End');
    expect(at()).toBe('none');
  });
});
