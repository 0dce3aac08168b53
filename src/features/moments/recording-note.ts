import type { MomentAnswer } from '../../core/moment';

/**
 * What a page must say when the recording it shows for a moment is not that moment itself:
 * `before` the first recording (the first one is used), in a `gap` of coverage or `after` the
 * last recording (the nearest one before it is used), or simply between two recordings (the
 * earlier one is used). `asked` is the moment of the link, `used` the recording's own time.
 */
export interface RecordingNote {
  kind: 'before' | 'gap' | 'after' | 'recording';
  asked: number;
  used: number;
}

/**
 * The note for the moment `asked`, answered by `answer`; `before` when the history holds nothing
 * at or before it, so that `answer` is the first recording. `undefined` while nothing is had, or
 * when the recording is the moment itself.
 */
export function recordingNote(
  asked: number,
  answer: Pick<MomentAnswer, 'observedAt' | 'gap' | 'range'> | undefined,
  before = false,
): RecordingNote | undefined {
  if (!answer) return undefined;
  const used = answer.observedAt;
  if (before) return { kind: 'before', asked, used };
  if (answer.gap)
    return { kind: answer.range && asked > answer.range.last ? 'after' : 'gap', asked, used };
  return used === asked ? undefined : { kind: 'recording', asked, used };
}
