import { fireEvent, render, screen } from '@testing-library/react';
import type { KeyboardEvent } from 'react';

interface Cursor {
  active: number | undefined;
  onKeyDown: (event: KeyboardEvent) => void;
  onBlur: () => void;
}

/** A focusable chart showing the item a keyboard cursor is on (`none` while on none). */
function CursorChart({ useCursor }: { useCursor: () => Cursor }) {
  const cursor = useCursor();
  return (
    <div role="application" tabIndex={0} onKeyDown={cursor.onKeyDown} onBlur={cursor.onBlur}>
      {cursor.active ?? 'none'}
    </div>
  );
}

/** Renders a chart driven by the cursor hook `use`; `rerender` gives it another. */
export function renderCursor(use: () => Cursor) {
  const view = render(<CursorChart useCursor={use} />);
  return { rerender: (next: () => Cursor) => view.rerender(<CursorChart useCursor={next} />) };
}

export const press = (key: string) => fireEvent.keyDown(screen.getByRole('application'), { key });
/** The item the cursor is on, as the chart shows it. */
export const at = () => screen.getByRole('application').textContent;
/** Where the cursor is after each group of keys, the groups pressed in turn. */
export const walk = (...groups: string[][]) =>
  groups.map((keys) => {
    keys.forEach(press);
    return at();
  });
export const leave = () => fireEvent.blur(screen.getByRole('application'));
