import { memo, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { HistoryEvent } from '../../core/history';
import { formatMoment, type MomentRange } from '../../core/moment';
import { useI18n } from '../../lib/i18n/i18n';
import { useIsClient } from '../../lib/render-seed';
import { formatLocal, fromLocalInput, SLIDER_STEP_MS, toLocalInput, zoneAt } from './moment-time';

const H = 3_600_000;
const D = 24 * H;
/** How long a drag of the slider rests before the address follows it. */
const DRAG_WRITE_MS = 150;
/** How many of the recorded changes nearest the moment are offered to jump to. */
const NEAR_EVENTS = 8;

const control =
  'rounded-md border border-[var(--border)] bg-[var(--surface)] px-2 py-1 text-sm font-medium hover:border-[var(--accent)]';

/** Writes a moment into the address: `push` a new entry (Back returns), `replace` this one. */
export type ChooseMoment = (patch: { at?: string; vs?: string }, mode: 'push' | 'replace') => void;

/** The recorded changes as the slider's tick marks: up to a thousand, drawn again only when they change. */
const Ticks = memo(function Ticks({ id, events }: { id: string; events: readonly HistoryEvent[] }) {
  return (
    <datalist id={id}>
      {events.map((e, i) => (
        <option key={i} value={e.at} />
      ))}
    </datalist>
  );
});

/**
 * The slider's ends, on whole minutes (its step), so every value it gives is a moment a link
 * writes to the minute: from the first whole minute recorded to the last.
 */
function sliderBounds(range: MomentRange): MomentRange {
  const first = Math.ceil(range.first / SLIDER_STEP_MS) * SLIDER_STEP_MS;
  const last = Math.floor(range.last / SLIDER_STEP_MS) * SLIDER_STEP_MS;
  return first <= last ? { ...range, first, last } : range;
}

const clamp = (v: number, range: MomentRange) => Math.min(Math.max(v, range.first), range.last);

/**
 * The slider over the recorded range. A drag writes the address as it rests (`replace`, after
 * a first `push`, so one gesture is one history entry and Back returns to where it began), and
 * its release writes the final moment. Arrows move an hour, Page Up and Down a day, Home and
 * End to the first and last recording. The recorded changes are its tick marks.
 */
function MomentSlider({
  at,
  range: recorded,
  events,
  choose,
}: {
  at: number;
  range: MomentRange;
  events: readonly HistoryEvent[];
  choose: ChooseMoment;
}) {
  const i18n = useI18n();
  const range = sliderBounds(recorded);
  const ticks = useId();
  const [dragged, setDragged] = useState<number | undefined>(undefined);
  const pushed = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const value = dragged ?? clamp(at, range);

  const write = (v: number) => {
    choose({ at: formatMoment(v) }, pushed.current ? 'replace' : 'push');
    pushed.current = true;
  };
  const move = (v: number) => {
    setDragged(v);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => write(v), DRAG_WRITE_MS);
  };
  const release = () => {
    clearTimeout(timer.current);
    if (dragged !== undefined && (dragged !== at || !pushed.current)) write(dragged);
    pushed.current = false;
    setDragged(undefined);
  };
  const keys = (e: KeyboardEvent<HTMLInputElement>) => {
    const by: Record<string, number> = {
      ArrowLeft: -H,
      ArrowDown: -H,
      ArrowRight: H,
      ArrowUp: H,
      PageDown: -D,
      PageUp: D,
    };
    let next: number | undefined;
    if (e.key in by) next = value + by[e.key]!;
    else if (e.key === 'Home') next = range.first;
    else if (e.key === 'End') next = range.last;
    if (next === undefined) return;
    e.preventDefault();
    move(clamp(next, range));
  };

  return (
    <div className="space-y-1">
      <input
        type="range"
        data-testid="moment-slider"
        aria-label={i18n.t('moment.pick.slider')}
        aria-valuetext={`${formatLocal(value)} (${i18n.formatUtc(value)})`}
        min={range.first}
        max={range.last}
        step={SLIDER_STEP_MS}
        value={value}
        list={ticks}
        className="w-full accent-[var(--accent)]"
        onChange={(e) => move(Number(e.target.value))}
        onKeyDown={keys}
        onKeyUp={release}
        onPointerUp={release}
        onBlur={release}
      />
      <Ticks id={ticks} events={events} />
      <p className="flex flex-wrap justify-between gap-2 text-xs text-[var(--muted)] tabular-nums">
        <span>{i18n.formatUtc(range.first)}</span>
        <span>{i18n.formatUtc(range.last)}</span>
      </p>
    </div>
  );
}

/** The recorded changes nearest the moment, each a way to go to it. */
function NearEvents({
  at,
  events,
  choose,
}: {
  at: number;
  events: readonly HistoryEvent[];
  choose: ChooseMoment;
}) {
  const i18n = useI18n();
  const client = useIsClient();
  const near = [...events]
    .sort((a, b) => Math.abs(a.at - at) - Math.abs(b.at - at))
    .slice(0, NEAR_EVENTS)
    .sort((a, b) => a.at - b.at);
  return (
    <div className="space-y-1">
      <p className="text-sm font-medium">{i18n.t('moment.events')}</p>
      {near.length === 0 ? (
        <p className="text-sm text-[var(--muted)]">{i18n.t('moment.events.none')}</p>
      ) : (
        <ul className="flex flex-wrap gap-2">
          {near.map((e, i) => (
            <li key={i}>
              <button
                type="button"
                data-testid="moment-event"
                data-at={e.at}
                data-kind={e.kind}
                aria-current={e.at === at ? 'true' : undefined}
                className={`${control} text-xs`}
                disabled={!client}
                onClick={() => choose({ at: formatMoment(e.at) }, 'push')}
              >
                <span className="tabular-nums">{i18n.formatUtc(e.at)}</span>
                {` · ${i18n.t(`events.kind.${e.kind}`)} · ${e.symbols.slice(0, 3).join(', ')}${e.symbols.length > 3 ? '…' : ''}`}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * Choosing a moment: a time field in the reader's zone (UTC beside it), the slider over the
 * recorded range with its changes marked, the changes nearest the moment, and an earlier moment
 * to compare with. Every choice is a link: it goes into the address.
 */
export function MomentPicker({
  at,
  vs,
  range,
  events,
  choose,
}: {
  at: number;
  vs: number | undefined;
  range: MomentRange | undefined;
  events: readonly HistoryEvent[];
  choose: ChooseMoment;
}) {
  const i18n = useI18n();
  const client = useIsClient();
  const field = useId();
  const [typed, setTyped] = useState<string | undefined>(undefined);
  const shown = typed ?? (client ? toLocalInput(at) : '');
  const typedAt = typed === undefined ? undefined : fromLocalInput(typed);
  return (
    <section aria-labelledby={`${field}-h`} className="space-y-3">
      <h2 id={`${field}-h`} className="text-lg font-semibold">
        {i18n.t('moment.pick.heading')}
      </h2>
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          if (typedAt !== undefined && typedAt !== at)
            choose({ at: formatMoment(typedAt) }, 'push');
          setTyped(undefined);
        }}
      >
        <label className="flex flex-col gap-1 text-sm" htmlFor={field}>
          {i18n.t('moment.pick.time', { zone: client ? zoneAt(at) : 'UTC' })}
          <input
            id={field}
            type="datetime-local"
            data-testid="moment-time"
            value={shown}
            min={range && client ? toLocalInput(range.first) : undefined}
            max={range && client ? toLocalInput(range.last) : undefined}
            className="rounded-md border border-[var(--border)] bg-[var(--surface)] px-2 py-1"
            onChange={(e) => setTyped(e.target.value)}
          />
        </label>
        <button type="submit" className={control} disabled={!client}>
          {i18n.t('moment.pick.open')}
        </button>
        <span className="text-sm text-[var(--muted)] tabular-nums">
          {i18n.t('moment.pick.utc', { utc: i18n.formatUtc(typedAt ?? at) })}
        </span>
      </form>
      {range ? (
        <>
          <MomentSlider at={at} range={range} events={events} choose={choose} />
          <p className="text-xs text-[var(--muted)]">
            {i18n.t('moment.pick.range', {
              first: i18n.formatUtc(range.first),
              last: i18n.formatUtc(range.last),
            })}
          </p>
          <NearEvents at={at} events={events} choose={choose} />
        </>
      ) : null}
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-sm font-medium">{i18n.t('moment.vs.heading')}</span>
        {(['1h', '24h', '7d'] as const).map((w) => {
          const ms = { '1h': H, '24h': D, '7d': 7 * D }[w];
          return (
            <button
              key={w}
              type="button"
              data-testid="moment-vs"
              aria-pressed={vs === at - ms}
              className={control}
              disabled={!client}
              onClick={() => choose({ vs: formatMoment(at - ms) }, 'push')}
            >
              {i18n.t('moment.vs.before', { window: i18n.t(`change.window.${w}`) })}
            </button>
          );
        })}
        {vs !== undefined ? (
          <button
            type="button"
            className={control}
            disabled={!client}
            onClick={() => choose({ vs: '' }, 'push')}
          >
            {i18n.t('moment.vs.clear')}
          </button>
        ) : null}
      </div>
    </section>
  );
}
