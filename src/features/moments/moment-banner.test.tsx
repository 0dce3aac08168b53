// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MomentAnswer } from '../../core/moment';
import { I18nProvider } from '../../lib/i18n/i18n';
import { MomentBanner } from './moment-banner';
import { recordingNote } from './recording-note';

afterEach(cleanup);

const AT = Date.UTC(2026, 11, 1, 21);
const FIRST = Date.UTC(2026, 10, 1);
const LAST = Date.UTC(2026, 11, 2);
const answerOf = (at: number, observedAt: number, gap?: true): MomentAnswer => ({
  at,
  observedAt,
  answer: [],
  range: { first: FIRST, last: LAST },
  ...(gap ? { gap } : {}),
});

describe('which recording a moment is read from', () => {
  it('names a gap, the time after the last recording, the time before the first, and a plain step back', () => {
    const inGap = Date.UTC(2026, 10, 20, 3);
    const used = Date.UTC(2026, 10, 20, 1);
    expect(recordingNote(inGap, answerOf(inGap, used, true))).toEqual({
      kind: 'gap',
      asked: inGap,
      used,
    });
    const later = LAST + 3_600_000;
    expect(recordingNote(later, answerOf(later, LAST, true))?.kind).toBe('after');
    expect(recordingNote(FIRST - 1, answerOf(FIRST, FIRST), true)).toEqual({
      kind: 'before',
      asked: FIRST - 1,
      used: FIRST,
    });
    expect(recordingNote(AT, answerOf(AT, AT - 40_000))?.kind).toBe('recording');
    expect(recordingNote(AT, answerOf(AT, AT))).toBeUndefined();
    expect(recordingNote(AT, undefined)).toBeUndefined();
  });
});

describe('the banner of a moment compared with an earlier one', () => {
  const vsAsked = Date.UTC(2026, 10, 20, 3);
  const vsUsed = Date.UTC(2026, 10, 20, 1, 15);

  function show(lang: 'en' | 'zh-CN', vs: MomentAnswer, before = false) {
    render(
      <I18nProvider lang={lang}>
        <MomentBanner
          at={AT}
          answer={answerOf(AT, AT)}
          vs={recordingNote(vsAsked, vs, before)}
          onLive={vi.fn()}
        />
      </I18nProvider>,
    );
    return screen.getByTestId('as-of-vs');
  }

  it('warns, in words, when vs falls in a gap, naming the moment asked and the recording used', () => {
    const note = show('en', answerOf(vsAsked, vsUsed, true));
    expect(note.getAttribute('role')).toBe('alert');
    expect(note.dataset.kind).toBe('gap');
    expect(note.textContent).toBe(
      'The history has a gap at the comparison moment 2026-11-20 03:00:00 UTC (nothing was being recorded): the change is counted from the nearest recording before it, made at 2026-11-20 01:15:00 UTC.',
    );
    // the moment itself was recorded: no warning of its own
    expect(screen.queryByTestId('as-of-gap')).toBeNull();
  });

  it('says the same in Chinese', () => {
    const note = show('zh-CN', answerOf(vsAsked, vsUsed, true));
    expect(note.getAttribute('role')).toBe('alert');
    expect(note.textContent).toContain('空缺');
    expect(note.textContent).toContain('2026-11-20 03:00:00 UTC');
    expect(note.textContent).toContain('2026-11-20 01:15:00 UTC');
  });

  it('warns when vs is before the first recording, which is then what the change is counted from', () => {
    const note = show('en', answerOf(FIRST, FIRST), true);
    expect(note.getAttribute('role')).toBe('alert');
    expect(note.textContent).toMatch(/before the first recording.*made at 2026-11-01 00:00:00 UTC/);
  });

  it('says plainly, without a warning, that vs between two recordings is read from the earlier', () => {
    const note = show('en', answerOf(vsAsked, vsUsed));
    expect(note.getAttribute('role')).toBeNull();
    expect(note.dataset.kind).toBe('recording');
    expect(note.textContent).toContain('2026-11-20 01:15:00 UTC');
  });
});
