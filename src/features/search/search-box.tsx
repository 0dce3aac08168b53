import { memo, useId, useMemo, useState, type KeyboardEvent } from 'react';
import { Alert } from '../../components/alert';
import { useI18n } from '../../lib/i18n/i18n';
import { useEarlyChange } from '../../lib/use-early-change';
import { filterOf } from '../../lib/url-state';
import { normalizeSymbol } from '../../core/symbol';
import { SuggestionList } from './suggestion-list';
import { buildSymbolIndex, suggest } from './symbol-index';
import { displayText, symbolProblem } from './symbol-problem';

interface SearchBoxProps {
  /** Every symbol of the snapshot, for suggestions. */
  symbols: readonly string[];
  /** The symbol in the link, as written there. */
  current: string | undefined;
  /** The link's filter: what narrows the pool list. */
  filter: string;
  /**
   * Opens a symbol (ASCII letters upper-cased) as a new history entry. `filterBefore` is the
   * filter this entry had before the text of this search was typed into it: the entry gets it
   * back, so Back returns to the view as it was before the search, not half-way through typing.
   */
  onSearch: (symbol: string, filterBefore: string) => void;
  /** Narrows the pool list as the text changes: the same history entry. */
  onFilter: (filter: string) => void;
}

/** What the field shows for a link: its filter, else the symbol it opened. */
const linkedText = (current: string | undefined, filter: string) => filter || current || '';

/**
 * "Search symbol", the one search of the dashboard (the ARIA 1.2 combobox pattern): typing narrows
 * the pool list below and suggests symbols, the likeliest first; Enter opens the chosen suggestion,
 * else the best one, else asks for exactly what was typed.
 */
function SearchBoxView({ symbols, current, filter, onSearch, onFilter }: SearchBoxProps) {
  const i18n = useI18n();
  const id = useId();
  const index = useMemo(() => buildSymbolIndex(symbols), [symbols]);
  const [text, setText] = useState(() => linkedText(current, filter));
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [problem, setProblem] = useState<string>();
  const [linked, setLinked] = useState({ current, filter });
  // The link's filter when typing began in this entry; `undefined` while nothing was typed.
  const [typedFrom, setTypedFrom] = useState<string>();
  // Back, Forward or a link changed the search: the field shows it. A filter that is only what
  // was just typed, less the characters a link does not keep, leaves the field as typed.
  if (linked.current !== current || linked.filter !== filter) {
    setLinked({ current, filter });
    if (linked.current !== current || filterOf(text) !== filter) {
      setText(linkedText(current, filter));
      setOpen(false);
      setProblem(undefined);
      setTypedFrom(undefined);
    }
  }
  const query = filterOf(text);
  const { matches, total } = useMemo(() => suggest(index, query), [index, query]);
  const expanded = open && matches.length > 0;
  const optionId = (i: number) => `${id}-option-${i}`;
  const ignored = query !== '' && query !== text.trim();

  const close = () => {
    setOpen(false);
    setActive(-1);
  };
  const choose = (symbol: string) => {
    close();
    setText(symbol);
    setProblem(undefined);
    setTypedFrom(undefined);
    onSearch(symbol, typedFrom ?? filter);
  };
  const submit = () => {
    close();
    const check = normalizeSymbol(text);
    setProblem(symbolProblem(i18n, text));
    if (!check.ok) return;
    // Text that is part of listed symbols opens the best of them; only text that matches none
    // is asked for as typed (the symbol view then says whether the exchange lists it).
    choose(matches[0] ?? check.symbol);
  };
  const type = (value: string) => {
    if (typedFrom === undefined) setTypedFrom(filter);
    setText(value);
    setOpen(true);
    setActive(-1);
    setProblem(undefined);
    if (filterOf(value) !== filter) onFilter(filterOf(value));
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
      if (expanded) close();
      else type('');
      setOpen(false);
    }
  };

  // Text typed into the server's page before the app took it over narrows the list and suggests.
  const input = useEarlyChange<HTMLInputElement>(text, type);

  const described = [`${id}-hint`, problem ? `${id}-problem` : ''].filter(Boolean).join(' ');
  return (
    // Without the app (scripts off, or Enter pressed before they took the page over) the form
    // still opens the symbol: it asks for `/?symbol=` like a link would.
    <form
      role="search"
      action="/"
      method="get"
      className="flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <label htmlFor={`${id}-input`} className="basis-full text-sm font-semibold">
        {i18n.t('search.label')}
      </label>
      <div className="relative min-w-0 flex-1 sm:max-w-md">
        <input
          ref={input}
          id={`${id}-input`}
          name="symbol"
          type="text"
          role="combobox"
          aria-expanded={expanded}
          aria-controls={`${id}-list`}
          aria-autocomplete="list"
          aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
          aria-describedby={described}
          value={text}
          placeholder={i18n.t('search.placeholder')}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          className="w-full rounded-md border border-[var(--border)] bg-[var(--bg)] px-3 py-2 font-mono text-[var(--fg)]"
          onChange={(e) => type(e.target.value)}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
        />
        {expanded ? (
          <SuggestionList
            id={`${id}-list`}
            optionId={optionId}
            matches={matches}
            total={total}
            text={query}
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
      <p id={`${id}-hint`} className="basis-full text-sm text-[var(--muted)]">
        {i18n.t('search.hint')}
      </p>
      <p aria-live="polite" className="sr-only">
        {open && query !== '' ? i18n.plural('search.count', total) : ''}
      </p>
      {/* Not tied to the popup being open: leaving the field must not move the page under the
          pointer (a click on "Clear filter" landed beside it once this line went away). */}
      {query !== '' && total === 0 && symbols.length > 0 ? (
        <p className="basis-full text-sm text-[var(--muted)]">
          {i18n.t('search.noSuggestion', { text: displayText(text) })}
        </p>
      ) : null}
      {problem ? (
        <div id={`${id}-problem`} className="basis-full">
          <Alert>{problem}</Alert>
        </div>
      ) : ignored ? (
        <div className="basis-full">
          <Alert tone="warning">{i18n.t('search.ignored')}</Alert>
        </div>
      ) : null}
    </form>
  );
}

export const SearchBox = memo(SearchBoxView);
