/**
 * How many attempts at one question have failed in a row since it was last answered. The next
 * attempt's time follows from it (see refresh-timing.ts), and the screen says that time: both read
 * the same count, so what the screen says is what the client does.
 */
import { isPauseStatus } from '../core/upstream';
import { isApiError } from './errors';

function isRefusal(error: unknown): boolean {
  if (!isApiError(error)) return false;
  if (error.kind === 'invalid-symbol' || error.kind === 'not-recorded') return true;
  const { status } = error;
  return status !== undefined && status >= 400 && status < 500 && !isPauseStatus(status);
}

const streaks = new Map<string, number>();

/** A query key as the text the counts are kept under. */
export const questionOf = (key: readonly unknown[]): string => JSON.stringify(key);

/** Failed attempts in a row for this question (a query key as text); 0 after a success. */
export function failuresInARow(question: string): number {
  return streaks.get(question) ?? 0;
}

/**
 * Runs one attempt and keeps the count: a success resets it, a failure adds one. A refusal ("no
 * such symbol", "never recorded", any 4xx but a pause) is an answer, not a failure: asking again
 * soon would be refused again, so it waits a period. An attempt given up by its caller (the query
 * was cancelled) is no failure of the exchange: neither is counted.
 */
export async function attempt<T>(
  question: string,
  signal: AbortSignal | undefined,
  run: () => Promise<T>,
): Promise<T> {
  try {
    const result = await run();
    streaks.delete(question);
    return result;
  } catch (error) {
    if (isRefusal(error)) streaks.delete(question);
    else if (!signal?.aborted) streaks.set(question, failuresInARow(question) + 1);
    throw error;
  }
}

/** A query's function that keeps the count of its key's attempts. */
export function counted<T>(key: readonly unknown[], fetch: (signal: AbortSignal) => Promise<T>) {
  return ({ signal }: { signal: AbortSignal }) =>
    attempt(questionOf(key), signal, () => fetch(signal));
}

/** Forgets every count (a fresh page, a test). */
export function forgetAttempts(): void {
  streaks.clear();
}
