/**
 * How many attempts at one question have failed in a row since it was last answered. The next
 * attempt's time follows from it (see refresh-timing.ts), and the screen says that time: both read
 * the same count, so what the screen says is what the client does.
 */
import { isApiError } from './errors';

const streaks = new Map<string, number>();

/** Failed attempts in a row for this question (a query key as text); 0 after a success. */
export function failuresInARow(question: string): number {
  return streaks.get(question) ?? 0;
}

/**
 * Runs one attempt and keeps the count: a success resets it, a failure adds one. "No such
 * symbol" is an answer, not a failure, and an attempt given up by its caller (the query was
 * cancelled) is no failure of the exchange: neither is counted.
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
    if (isApiError(error) && error.kind === 'invalid-symbol') streaks.delete(question);
    else if (!signal?.aborted) streaks.set(question, failuresInARow(question) + 1);
    throw error;
  }
}

/** Forgets every count (a fresh page, a test). */
export function forgetAttempts(): void {
  streaks.clear();
}
