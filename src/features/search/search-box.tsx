import { memo, useId, useMemo, useState, type KeyboardEvent } from 'react';
import { Alert } from '../../components/alert';
import { useI18n } from '../../lib/i18n/i18n';
import { normalizeSymbol } from '../../core/symbol';
import { SuggestionList } from './suggestion-list';
import { buildSymbolIndex, suggest } from './symbol-index';
import { displayText, symbolProblem } from './symbol-problem';

interface SearchBoxProps {
  /** Every symbol of the snapshot, for suggestions. */
  symbols: readonly string[];
  /** The symbol in the link, as written there. */
  current: string | undefined;
  /** Called with a symbol that can be one (ASCII letters upper-cased). */
  onSearch: (symbol: string) => void;
}

/** "Search symbol": the ARIA 1.2 combobox pattern with a listbox of suggestions. */
function SearchBoxView({ symbols, current, onSearch }: SearchBoxProps) {
  const i18n = useI18n();
  const id = useId();
  const index = useMemo(() => buildSymbolIndex(symbols), [symbols]);
  const [text, setText] = useState(current ?? '');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [problem, setProblem] = useState<string>();
  const [linked, setLinked] = useState(current);
  // Back, Forward or a link changed the symbol: the field shows it.
  if (linked !== current) {
    setLinked(current);
    setText(current ?? '');
    setOpen(false);
    setProblem(undefined);
  }
  const { matches, total } = useMemo(() => suggest(index, text), [index, text]);
  const expanded = open && matches.length > 0;
  const optionId = (i: number) => `${id}-option-${i}`;

  const submit = (value: string) => {
    setOpen(false);
    setActive(-1);
    const check = normalizeSymbol(value);
    setProblem(symbolProblem(i18n, value));
    if (check.ok) onSearch(check.symbol);
  };
  const choose = (symbol: string) => {
    setText(symbol);
    submit(symbol);
  };
  const move = (step: number) => {
    if (matches.length === 0) return;
    const first = step > 0 ? 0 : matches.length - 1;
    setOpen(true);
    setActive((a) =>
      !expanded || a === -1 ? first : (a + step + matches.length) % matches.length,
    );
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      move(e.key === 'ArrowDown' ? 1 : -1);
    } else if (e.key === 'Enter' && expanded && matches[active] !== undefined) {
      e.preventDefault();
      choose(matches[active]);
    } else if (e.key === 'Escape') {
      if (expanded) setOpen(false);
      else setText('');
      setActive(-1);
    }
  };

  return (
    <form
      role="search"
      className="flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        submit(text);
      }}
    >
      <label htmlFor={`${id}-input`} className="basis-full text-sm font-semibold">
        {i18n.t('search.label')}
      </label>
      <div className="relative min-w-0 flex-1 sm:max-w-md">
        <input
          id={`${id}-input`}
          type="text"
          role="combobox"
          aria-expanded={expanded}
          aria-controls={`${id}-list`}
          aria-autocomplete="list"
          aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
          aria-describedby={problem ? `${id}-problem` : undefined}
          value={text}
          placeholder={i18n.t('search.placeholder')}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          className="w-full rounded-md border border-[var(--border)] bg-[var(--bg)] px-3 py-2 font-mono text-[var(--fg)]"
          onChange={(e) => {
            setText(e.target.value);
            setOpen(true);
            setActive(-1);
            setProblem(undefined);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
        />
        {expanded ? (
          <SuggestionList
            id={`${id}-list`}
            optionId={optionId}
            matches={matches}
            total={total}
            text={text}
            active={active}
            onChoose={choose}
            onHover={setActive}
          />
        ) : null}
      </div>
      <button
        type="submit"
        className="rounded-md border border-[var(--border)] bg-[var(--surface)] px-4 py-2 font-semibold"
      >
        {i18n.t('search.submit')}
      </button>
      <p aria-live="polite" className="sr-only">
        {open && text.trim() !== '' ? i18n.plural('search.count', total) : ''}
      </p>
      {open && text.trim() !== '' && total === 0 && symbols.length > 0 ? (
        <p className="basis-full text-sm text-[var(--muted)]">
          {i18n.t('search.noSuggestion', { text: displayText(text) })}
        </p>
      ) : null}
      {problem ? (
        <div id={`${id}-problem`} className="basis-full">
          <Alert>{problem}</Alert>
        </div>
      ) : null}
    </form>
  );
}

export const SearchBox = memo(SearchBoxView);
