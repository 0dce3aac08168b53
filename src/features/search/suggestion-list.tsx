import { useI18n } from '../../lib/i18n/i18n';

interface SuggestionListProps {
  id: string;
  optionId: (index: number) => string;
  matches: readonly string[];
  total: number;
  text: string;
  active: number;
  onChoose: (symbol: string) => void;
  onHover: (index: number) => void;
}

/** The part of a suggestion that matches what was typed, marked. */
function Marked({ symbol, text }: { symbol: string; text: string }) {
  const query = text.trim().toLowerCase();
  const lower = symbol.toLowerCase();
  const at = lower.length === symbol.length ? lower.indexOf(query) : -1;
  if (at === -1 || query === '') return <>{symbol}</>;
  return (
    <>
      {symbol.slice(0, at)}
      <mark className="bg-transparent font-bold text-inherit underline">
        {symbol.slice(at, at + query.length)}
      </mark>
      {symbol.slice(at + query.length)}
    </>
  );
}

/** The combobox's popup: a listbox of suggestions; focus stays in the field, the active option is marked. */
export function SuggestionList(props: SuggestionListProps) {
  const { id, optionId, matches, total, text, active, onChoose, onHover } = props;
  const i18n = useI18n();
  return (
    <div className="absolute inset-x-0 top-full z-20 mt-1 rounded-md border border-[var(--border)] bg-[var(--bg)] shadow-lg">
      <ul id={id} role="listbox" aria-label={i18n.t('search.suggestions')} className="py-1">
        {matches.map((symbol, i) => (
          <li
            key={symbol}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            data-active={i === active || undefined}
            className="cursor-pointer px-3 py-1 font-mono data-[active]:bg-[var(--surface)] data-[active]:outline data-[active]:outline-2 data-[active]:outline-[var(--focus)]"
            // Keep focus in the field, so typing can go on after a click.
            onMouseDown={(e) => e.preventDefault()}
            onMouseMove={() => i !== active && onHover(i)}
            onClick={() => onChoose(symbol)}
          >
            <Marked symbol={symbol} text={text} />
          </li>
        ))}
      </ul>
      {total > matches.length ? (
        <p className="border-t border-[var(--border)] px-3 py-1 text-xs text-[var(--muted)]">
          {i18n.plural('search.more', total - matches.length)}
        </p>
      ) : null}
    </div>
  );
}
