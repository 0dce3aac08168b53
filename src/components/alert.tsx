import type { ReactNode } from 'react';

/** Every error or warning a user must see, in words, announced to screen readers. */
export function Alert({
  tone = 'error',
  children,
}: {
  tone?: 'error' | 'warning';
  children: ReactNode;
}) {
  return (
    <div
      role="alert"
      data-tone={tone}
      className="rounded-md border px-4 py-3 text-sm border-[var(--alert-border)] bg-[var(--alert-bg)] text-[var(--fg)] data-[tone=warning]:border-[var(--warn-border)] data-[tone=warning]:bg-[var(--warn-bg)]"
    >
      {children}
    </div>
  );
}
