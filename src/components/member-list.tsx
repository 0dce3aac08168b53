import { memo } from 'react';
import { leadingSymbols } from '../core/pools';
import { useI18n } from '../lib/i18n/i18n';
import { membersThatFit, type MemberLines } from './member-fit';

/**
 * The members with those the pool is named after first, so a list cut short still shows them.
 * Worked out once per member list: a refresh keeps an unchanged list as the same array.
 */
const leadFirst = new WeakMap<readonly string[], readonly string[]>();
function namedFirst(symbols: readonly string[]): readonly string[] {
  let ordered = leadFirst.get(symbols);
  if (!ordered) {
    const lead = leadingSymbols({ symbols: [...symbols], assets: [] });
    ordered = [...lead, ...symbols.filter((s) => !lead.includes(s))];
    leadFirst.set(symbols, ordered);
  }
  return ordered;
}

/** The part of a symbol a filter matched, marked; the symbol as it is when nothing matches. */
function Matched({ symbol, match }: { symbol: string; match: string }) {
  const lower = symbol.toLowerCase();
  // Only where lower-casing keeps every position (it can lengthen a few non-ASCII letters).
  const at = match && lower.length === symbol.length ? lower.indexOf(match.toLowerCase()) : -1;
  if (at === -1) return <>{symbol}</>;
  return (
    <>
      {symbol.slice(0, at)}
      <mark data-testid="filter-match" className="pool-match">
        {symbol.slice(at, at + match.length)}
      </mark>
      {symbol.slice(at + match.length)}
    </>
  );
}

export interface MemberListProps {
  symbols: readonly string[];
  /** The searched symbol, marked whole. */
  highlight: string | undefined;
  /** The search box's text: the part of each member that contains it is marked. */
  match?: string;
  /** Lines the list may take (the wall): members beyond them are counted as "+N more". */
  space?: MemberLines;
}

/**
 * The members. On the wall the list is cut to the lines it has, and says how many are left out;
 * a refresh keeps an unchanged list as the same array, so it is not gone through again.
 */
export const MemberList = memo(function MemberList({
  symbols,
  highlight,
  match = '',
  space,
}: MemberListProps) {
  const i18n = useI18n();
  const more = (rest: number) => i18n.plural('pools.moreMembers', rest);
  const fit = space ? membersThatFit(symbols, space, more) : symbols.length;
  // A list cut short begins with the members the pool is named after; a whole one keeps the
  // exchange's order.
  const listed = fit < symbols.length ? namedFirst(symbols) : symbols;
  const shown = fit < symbols.length ? membersThatFit(listed, space!, more) : fit;
  const rest = symbols.length - shown;
  return (
    <ul
      aria-label={i18n.t('pools.members')}
      data-shown={rest > 0 ? shown : undefined}
      className="pool-members mt-[0.5em] flex flex-wrap gap-x-[0.75em] gap-y-[0.125em] font-mono text-[0.8125em]"
    >
      {listed.slice(0, shown).map((symbol, i) => (
        <li key={i}>
          {symbol === highlight ? (
            <mark data-testid="highlighted-symbol" className="pool-highlight">
              {symbol}
            </mark>
          ) : (
            <Matched symbol={symbol} match={match} />
          )}
        </li>
      ))}
      {rest > 0 ? (
        <li data-testid="members-more" className="pool-members-more">
          {more(rest)}
        </li>
      ) : null}
    </ul>
  );
});
