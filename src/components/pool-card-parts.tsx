import { useSyncExternalStore } from 'react';
import { useI18n } from '../lib/i18n/i18n';
import { useRenderSeed } from '../lib/render-seed';
import { staleHint } from './flag-hints';
import { FlagChip } from './pool-flags';

/**
 * The card's age line reads "just now" or whole minutes. Each line re-renders only when its own
 * minute or stale flag changes, so hundreds of cards do not re-render on every clock tick.
 */
const TICK_MS = 5_000;
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void) {
  listeners.add(listener);
  timer ??= setInterval(() => {
    for (const l of listeners) l();
  }, TICK_MS);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** Whole minutes since `time`, doubled, plus one when older than the stale threshold. */
function ageBucket(time: number, staleAfterMs: number, now = Date.now()): number {
  const age = now - time;
  return Math.max(0, Math.floor(age / 60_000)) * 2 + (age > staleAfterMs ? 1 : 0);
}

export function SnapshotAge({
  time,
  now,
  staleAfterMs,
  interval = null,
}: {
  time: number;
  now?: number;
  staleAfterMs: number;
  /** The pool's learned interval between snapshots that set `staleAfterMs`, `null` if none. */
  interval?: number | null;
}) {
  const i18n = useI18n();
  const seed = useRenderSeed();
  const bucket = useSyncExternalStore(
    subscribe,
    () => ageBucket(time, staleAfterMs),
    () => (seed ? ageBucket(time, staleAfterMs, seed.now) : 0),
  );
  const age = now !== undefined ? Math.max(0, now - time) : Math.floor(bucket / 2) * 60_000;
  const stale = now !== undefined ? now - time > staleAfterMs : bucket % 2 === 1;
  return (
    <p
      className="pool-age flex flex-wrap items-center gap-x-2 text-[0.8125em] text-[var(--muted)]"
      data-stale={stale ? 'true' : undefined}
    >
      <span className="pool-age-when">
        {i18n.t('pools.snapshot', { time: i18n.formatUtc(time) })}
      </span>
      <span className="pool-age-when whitespace-nowrap">
        {`· ${age < 60_000 ? i18n.t('pools.justNow') : i18n.formatAgo(time, time + age)}`}
      </span>
      {stale ? (
        <span data-testid="pool-stale" className="pool-age-stale">
          <FlagChip
            flag="stale"
            hint={staleHint({ ageMs: age, afterMs: staleAfterMs, interval }, i18n)}
          />
        </span>
      ) : null}
    </p>
  );
}
