import type { Answer } from './answer.ts';

/**
 * One symbol's answer found inside the whole list the proxy already holds: the pool that covers
 * a symbol in the pool list, or a pair's entry in the full asset index. Built once per list
 * answer, so a thousand lookups of one fresh list cost the upstream nothing and the server one
 * pass over the list. Each symbol's answer is one object for as long as its list lives (and
 * every unknown symbol shares one), so its body, and each compressed form of it
 * (http/encoded.ts, keyed by the answer), is made once per list rather than once per request.
 * It holds no more answers than the list has symbols, plus one.
 */
interface Index {
  text: Map<string, string>;
  answers: Map<string, Answer>;
  unknown?: Answer;
}

const indexes = new WeakMap<Answer, Index | null>();

/** `symbols` of a pool, or the `symbol` of an index entry: the names an element answers for. */
function namesOf(element: unknown): string[] {
  if (typeof element !== 'object' || element === null) return [];
  const { symbols, symbol } = element as { symbols?: unknown; symbol?: unknown };
  if (Array.isArray(symbols)) return symbols.filter((s): s is string => typeof s === 'string');
  return typeof symbol === 'string' ? [symbol] : [];
}

function build(answer: Answer): Index | null {
  if (answer.status !== 200) return null;
  let list: unknown;
  try {
    list = JSON.parse(answer.body);
  } catch {
    return null;
  }
  if (!Array.isArray(list)) return null;
  const text = new Map<string, string>();
  for (const element of list) {
    // Re-serialised from the parsed text: strings (every balance) come back exactly as sent.
    const json = JSON.stringify(element);
    for (const name of namesOf(element)) if (!text.has(name)) text.set(name, json);
  }
  return { text, answers: new Map() };
}

/**
 * The answer for `symbol` taken from a list answer: its element with status 200, or the
 * exchange's own `-1121 Invalid symbol.` when the list does not hold it. `undefined` when the
 * list is not a readable list, so the caller asks the upstream instead.
 */
export function lookupInList(list: Answer, symbol: string): Answer | undefined {
  let index = indexes.get(list);
  if (index === undefined) indexes.set(list, (index = build(list)));
  if (index === null) return undefined;
  const found = index.text.get(symbol);
  if (found === undefined)
    return (index.unknown ??= {
      ...list,
      status: 400,
      body: JSON.stringify({ code: -1121, msg: 'Invalid symbol.' }),
    });
  let answer = index.answers.get(symbol);
  if (!answer) index.answers.set(symbol, (answer = { ...list, body: found }));
  return answer;
}
