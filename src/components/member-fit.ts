/**
 * How many members of a pool fit a few lines of a card, with room left for "+N more". Worked out
 * from the text, not measured: a symbol's width in the monospaced member font is its number of
 * characters, a CJK or other wide character counting two, so a page rendered on the server and
 * one rendered in the browser cut the list at the same place.
 */

/** Width in characters of the member font: wide (CJK, fullwidth) characters take two. */
export function textWidth(text: string): number {
  let width = 0;
  for (const char of text)
    width +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(
        char,
      )
        ? 2
        : 1;
  return width;
}

export interface MemberLines {
  /** Characters a line holds. */
  line: number;
  lines: number;
  /** The space between two members, in characters. */
  gap: number;
}

/** Whether items of these widths, in order, fill no more than the given lines. */
function fits(widths: readonly number[], { line, lines, gap }: MemberLines): boolean {
  let used = 0;
  let row = 1;
  for (const w of widths) {
    const needed = used === 0 ? w : used + gap + w;
    if (needed <= line) used = needed;
    else if (row < lines && w <= line) {
      row += 1;
      used = w;
    } else return false;
  }
  return true;
}

/**
 * The number of leading members to show: all of them when they fit, else as many as fit with
 * the "+N more" label after them (whose width depends on N, so it is asked for each count).
 */
export function membersThatFit(
  symbols: readonly string[],
  space: MemberLines,
  moreLabel: (rest: number) => string,
): number {
  const widths = symbols.map(textWidth);
  if (fits(widths, space)) return symbols.length;
  let shown = 0;
  while (
    shown < symbols.length &&
    fits([...widths.slice(0, shown + 1), textWidth(moreLabel(symbols.length - shown - 1))], space)
  )
    shown += 1;
  return shown;
}
