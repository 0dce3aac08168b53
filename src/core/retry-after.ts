/**
 * `Retry-After` (RFC 9110 §10.2.3): a whole number of seconds, or an HTTP date. Both the proxy
 * (which stays off the exchange until then) and the browser (which sends nothing before then)
 * read it here, so the two can never disagree about how long a pause lasts.
 */

/** The pause when a 429 or 418 carries no usable `Retry-After`. */
export const DEFAULT_PAUSE_MS = 60_000;

/** No pause is believed longer than this: a bad date must not silence the dashboard for a year. */
export const MAX_PAUSE_MS = 3 * 24 * 3600_000;

const DELAY_SECONDS = /^\d+$/;

// The three forms of HTTP-date (RFC 9110 §5.6.7): IMF-fixdate, the obsolete RFC 850 form and
// asctime. Anything else, however `Date.parse` would read it ("1.5", "-5"), is not a date.
const IMF_FIXDATE = /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/;
const RFC_850 = /^[A-Z][a-z]{5,8}, \d{2}-[A-Z][a-z]{2}-\d{2} \d{2}:\d{2}:\d{2} GMT$/;
const ASCTIME = /^[A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2} \d{4}$/;

/**
 * How long to wait, in ms, at least 1 s and at most `MAX_PAUSE_MS`; `undefined` when the header
 * is absent or is neither form, so the caller falls back to `DEFAULT_PAUSE_MS`.
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  let ms: number;
  if (DELAY_SECONDS.test(text)) ms = Number(text) * 1000;
  else if (IMF_FIXDATE.test(text) || RFC_850.test(text) || ASCTIME.test(text)) {
    const at = Date.parse(text.endsWith('GMT') ? text : `${text} GMT`);
    if (Number.isNaN(at)) return undefined;
    ms = at - now;
  } else return undefined;
  return Math.min(Math.max(ms, 1000), MAX_PAUSE_MS);
}

/** When a pause asked for by this header ends: its `Retry-After`, or the default pause. */
export function pauseEndsAt(value: string | null | undefined, now: number): number {
  return now + (parseRetryAfter(value, now) ?? DEFAULT_PAUSE_MS);
}

/** The whole seconds left until `until`, at least 1: what a `Retry-After` header says. */
export function retryAfterSeconds(until: number, now: number): number {
  return Math.max(1, Math.ceil((until - now) / 1000));
}
