import { useId, type KeyboardEvent, type ReactNode } from 'react';

/**
 * A chart the keyboard walks: a focusable region named `name`, described by `desc` for screen
 * readers, its keys driving `cursor`; under it `readout`, the item the cursor is on, read out
 * politely (`readoutId` is its test id).
 */
export function KeyboardChart({
  name,
  desc,
  cursor,
  readout,
  readoutId,
  children,
}: {
  name: string;
  desc: string;
  cursor: { onKeyDown: (event: KeyboardEvent) => void; onBlur: () => void };
  readout: ReactNode;
  readoutId: string;
  children: ReactNode;
}) {
  const descId = useId();
  return (
    <>
      <div
        role="application"
        tabIndex={0}
        aria-label={name}
        aria-describedby={descId}
        onKeyDown={cursor.onKeyDown}
        onBlur={cursor.onBlur}
        className="rounded-md"
      >
        {children}
      </div>
      <p id={descId} className="sr-only">
        {desc}
      </p>
      <div data-testid={readoutId} aria-live="polite" className="mt-2 empty:hidden">
        {readout}
      </div>
    </>
  );
}
