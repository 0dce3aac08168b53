import { formatExactParts } from '../core/decimal';
import { formatSignedPercent } from '../lib/format-percent';
import { useI18n } from '../lib/i18n/i18n';

export const SIGN_NAMES = { '-1': 'down', '0': 'flat', '1': 'up' } as const;

/**
 * The parts of a change as the dashboard writes every one: the exact amount with its sign (every
 * digit; dollars with `$`), then its share. Coloured by the `data-sign` of the element around it
 * (index.css `.change`); the sign is written too, so colour is never the only cue.
 */
export function SignedFigure({
  value,
  sign,
  rel,
  usd = false,
}: {
  value: string;
  sign: -1 | 0 | 1;
  rel: number | undefined;
  usd?: boolean;
}) {
  const { lang } = useI18n();
  const { whole, fraction } = formatExactParts(value, lang);
  const digits = sign < 0 ? whole.slice(1) : whole;
  const signText = sign > 0 ? '+' : sign < 0 ? '-' : '';
  const percent = formatSignedPercent(rel, lang);
  return (
    <>
      <span className="change-amount">
        <span className="change-whole">{`${signText}${usd ? '$' : ''}${digits}`}</span>
        <span className="change-fraction">{fraction}</span>
      </span>
      {percent ? <span className="change-percent">{` ${percent}`}</span> : null}
    </>
  );
}
