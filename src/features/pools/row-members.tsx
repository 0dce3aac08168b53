import { memo, useId, useState, type ReactNode } from 'react';
import { membersThatFit, type MemberLines } from '../../components/member-fit';
import { MemberList } from '../../components/member-list';
import { useI18n } from '../../lib/i18n/i18n';
import { useIsClient } from '../../lib/render-seed';

/** What the pool column shows of a long member list before it is opened: two lines of it. */
// The pool column is at least 13em of the table's type: 24 characters of the member font, at least.
const FOLDED: MemberLines = { line: 24, lines: 2, gap: 1.2 };

/**
 * Every member, as text (the row holds them all, for search and for the page hook), folded to two
 * lines where the list is longer, with a button beside the symbol count (`meta`) that opens it
 * whole and folds it again.
 */
export const RowMembers = memo(function RowMembers({
  poolKey,
  symbols,
  match,
  meta,
}: {
  /** The pool shown: a list opened stays open for that pool, not for the next one in its place. */
  poolKey: string;
  symbols: readonly string[];
  match: string;
  meta: ReactNode;
}) {
  const i18n = useI18n();
  const id = useId();
  const ready = useIsClient();
  // Rows are kept by place and show whichever pool a refresh puts there; remounting the members
  // for every pool that moved place cost more than the rest of a refresh.
  const [openFor, setOpenFor] = useState<string | undefined>(undefined);
  const open = openFor === poolKey;
  const setOpen = (next: (open: boolean) => boolean) =>
    setOpenFor(next(open) ? poolKey : undefined);
  const long = membersThatFit(symbols, FOLDED, () => '') < symbols.length;
  const toggle = long ? (
    <button
      type="button"
      aria-expanded={open}
      aria-controls={id}
      className="row-members-toggle"
      disabled={!ready}
      onClick={() => setOpen((o) => !o)}
    >
      {open
        ? i18n.t('pools.hideMembers')
        : i18n.t('pools.showMembers', { count: i18n.formatCount(symbols.length) })}
    </button>
  ) : null;
  return (
    <div className="row-members" data-folded={long && !open ? 'true' : undefined}>
      <p className="pool-row-meta">
        {meta}
        {toggle}
      </p>
      <div id={id} className="row-members-list">
        <MemberList symbols={symbols} highlight={undefined} match={match} />
      </div>
    </div>
  );
});
