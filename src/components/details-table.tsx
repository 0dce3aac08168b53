import { useState, type ReactNode } from 'react';

/** The padding and alignment of every cell of a details table. */
export const tableCell = 'px-2 py-1 text-left';

/**
 * A chart's figures as a table under a disclosure titled `title`: the rows (`rows`) are built only
 * when it is opened, so hundreds of them cost nothing until someone reads them. `head` names the
 * columns, figures aligned right; a `focusable` table is a region the keyboard can scroll.
 */
export function DetailsTable({
  title,
  head,
  rows,
  focusable = false,
  testId,
}: {
  title: string;
  head: readonly { label: ReactNode; right?: boolean }[];
  rows: () => ReactNode;
  focusable?: boolean;
  testId?: string;
}) {
  const [open, setOpen] = useState(false);
  const region = focusable
    ? {
        role: 'region',
        'aria-label': title,
        tabIndex: 0,
        className: 'mt-2 max-h-96 overflow-auto rounded-md',
      }
    : { className: 'mt-2 max-h-96 overflow-auto' };
  return (
    <details className="mt-3 text-sm" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="cursor-pointer text-[var(--muted)] hover:text-[var(--fg)]">
        {title}
      </summary>
      {open ? (
        <div {...region}>
          <table className="w-full border-collapse tabular-nums" data-testid={testId}>
            <caption className="sr-only">{title}</caption>
            <thead className="sticky top-0 bg-[var(--bg)]">
              <tr className="border-b border-[var(--border)]">
                {head.map((column, i) => (
                  <th
                    key={i}
                    scope="col"
                    className={column.right ? `${tableCell} text-right` : tableCell}
                  >
                    {column.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>{rows()}</tbody>
          </table>
        </div>
      ) : null}
    </details>
  );
}
