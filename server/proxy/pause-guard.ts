import { pauseEndsAt, retryAfterSeconds } from '../../src/core/retry-after.ts';
import { isPauseStatus } from '../../src/core/upstream.ts';
import { localAnswer, type Answer } from './answer.ts';

/**
 * After a 429 or 418 the upstream is not asked again before its `Retry-After` has passed (60 s
 * when it gave none), and viewers meanwhile get the same status with the time left.
 */
export function createPauseGuard(now: () => number) {
  let until = 0;
  let status = 429;

  return {
    /** Notes an upstream answer: a 429 or 418 starts a pause. */
    observe(answerStatus: number, retryAfter: string | null) {
      if (!isPauseStatus(answerStatus)) return;
      until = pauseEndsAt(retryAfter, now());
      status = answerStatus;
    },
    get until() {
      return until;
    },
    /** The answer for a viewer while the pause lasts; `undefined` when the upstream may be asked. */
    refusal(): Answer | undefined {
      const t = now();
      if (until <= t) return undefined;
      const msg = `The upstream asked for a pause; it will be asked again after ${new Date(until).toISOString()}.`;
      return localAnswer(status, -1003, msg, 'paused', t, retryAfterSeconds(until, t));
    },
  };
}

export type PauseGuard = ReturnType<typeof createPauseGuard>;
