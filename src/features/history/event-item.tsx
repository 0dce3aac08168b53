import { memo } from 'react';
import { formatExact, relativeChange } from '../../core/decimal';
import type { HistoryEvent } from '../../core/history';
import { formatMove } from '../../lib/format-percent';
import { useI18n } from '../../lib/i18n/i18n';
import type { Navigate } from '../../lib/use-url-state';
import { PoolRef, SymbolRef } from './pool-ref';
import { richText } from '../../components/rich-text';

function Symbols({ symbols, navigate }: { symbols: readonly string[]; navigate: Navigate }) {
  return (
    <>
      {symbols.map((s, i) => (
        <span key={s}>
          {i > 0 ? ', ' : null}
          <SymbolRef symbol={s} navigate={navigate} />
        </span>
      ))}
    </>
  );
}

/** A pool's whole member list, folded: the event holds every symbol it concerns as text. */
function Members({ symbols }: { symbols: readonly string[] }) {
  const i18n = useI18n();
  return (
    <details className="text-xs">
      <summary className="cursor-pointer text-[var(--muted)] hover:text-[var(--fg)]">
        {i18n.plural('events.members', symbols.length)}
      </summary>
      <ul className="mt-1 flex flex-wrap gap-x-3 font-mono text-xs">
        {symbols.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ul>
    </details>
  );
}

const TONE: Record<HistoryEvent['kind'], string> = {
  moved: 'border-[var(--chart-bar-highlight)]',
  appeared: 'border-[var(--up)]',
  listed: 'border-[var(--up)]',
  gone: 'border-[var(--muted)]',
  delisted: 'border-[var(--muted)]',
  drop: 'border-[var(--down)]',
  adl: 'border-[var(--warn-border)]',
};

function Sentence({ event: e, navigate }: { event: HistoryEvent; navigate: Navigate }) {
  const i18n = useI18n();
  const pool = <PoolRef symbols={e.pool} via={e.symbols[0]} navigate={navigate} />;
  const symbols = <Symbols symbols={e.symbols} navigate={navigate} />;
  switch (e.kind) {
    case 'moved': {
      const stayed = e.fromPool?.find((s) => !e.symbols.includes(s));
      const from = <PoolRef symbols={e.fromPool ?? []} via={stayed} navigate={navigate} />;
      return richText(i18n.t('events.moved'), { symbols, from, to: pool });
    }
    case 'appeared':
    case 'gone':
      return richText(i18n.t(`events.${e.kind}`), { pool });
    case 'listed':
    case 'delisted':
      return richText(i18n.t(`events.${e.kind}`), { symbols, pool });
    case 'adl':
      return richText(i18n.t(e.pool.length > 0 ? 'events.adl' : 'events.adlAlone'), {
        symbols,
        pool,
        from: <strong>{i18n.t(`adl.level.${e.fromLevel ?? 'unknown'}`)}</strong>,
        to: <strong>{i18n.t(`adl.level.${e.level ?? 'unknown'}`)}</strong>,
      });
    case 'drop': {
      const figure = (v: string | undefined) => (
        <span className="font-mono font-semibold" data-value={v}>
          {v === undefined ? '—' : `${formatExact(v, i18n.lang)} ${e.asset ?? ''}`}
        </span>
      );
      const rel = e.before && e.after ? relativeChange(e.before, e.after) : undefined;
      return richText(i18n.t('events.drop'), {
        pool,
        asset: e.asset ?? '',
        percent: (
          <span className="font-semibold text-[var(--down)]">{formatMove(rel, i18n.lang)}</span>
        ),
        before: figure(e.before),
        after: figure(e.after),
      });
    }
  }
}

/** One event: when, what kind, what happened in words with links to the pools, its symbols. */
export const EventItem = memo(function EventItem({
  event,
  navigate,
}: {
  event: HistoryEvent;
  navigate: Navigate;
}) {
  const i18n = useI18n();
  const wholePool = event.kind === 'appeared' || event.kind === 'gone' || event.kind === 'drop';
  return (
    <li
      data-testid="event"
      data-kind={event.kind}
      data-at={event.at}
      className={`border-l-4 py-0.5 pl-3 ${TONE[event.kind]}`}
    >
      <p className="text-sm">
        <time
          dateTime={new Date(event.at).toISOString()}
          className="mr-2 tabular-nums text-[var(--muted)]"
        >
          {i18n.formatUtc(event.at)}
        </time>
        <span className="mr-2 font-semibold">{i18n.t(`events.kind.${event.kind}`)}</span>
        <Sentence event={event} navigate={navigate} />
      </p>
      {wholePool ? <Members symbols={event.pool} /> : null}
    </li>
  );
});
