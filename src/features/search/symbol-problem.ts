import type { I18n } from '../../lib/i18n/i18n';
import { normalizeSymbol, SYMBOL_MAX_LENGTH } from '../../core/symbol';

const DISPLAY_MAX = 48;

/**
 * Text from a link or the keyboard, safe to quote in a message: control and invisible
 * formatting characters shown as �, and a long text cut short.
 */
export function displayText(raw: string, max = DISPLAY_MAX): string {
  const visible = raw.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '\uFFFD');
  const chars = Array.from(visible.slice(0, max * 2 + 2));
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : visible;
}

/** Why the text cannot be a symbol, in words; `undefined` when it can be one. */
export function symbolProblem(i18n: I18n, raw: string): string | undefined {
  const check = normalizeSymbol(raw);
  if (check.ok) return undefined;
  switch (check.reason) {
    case 'empty':
      return i18n.t('search.empty');
    case 'too-long':
      return i18n.t('search.tooLong', { text: displayText(raw), max: SYMBOL_MAX_LENGTH });
    case 'characters':
      return i18n.t('search.characters', { text: displayText(raw) });
  }
}
