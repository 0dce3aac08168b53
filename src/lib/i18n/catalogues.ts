import { useEffect, useSyncExternalStore } from 'react';
import type { Lang } from '../../core/lang';
import { enFirst, type Messages } from './en';
import type { LaterMessages } from './en-later';

/**
 * The catalogues in hand. English is always in the page's first chunk; another language comes
 * as a chunk of its own, fetched before the first render in that language (app/start.tsx), so an
 * English page never carries the Chinese catalogue and a Chinese one carries it once. The server
 * and the tests hold every catalogue from the start (`registerCatalogue`).
 */
// English as the first chunk carries it: the later texts are merged in when fetched, before any
// view that shows them renders (loadLaterTexts).
const english = { ...enFirst } as Messages;
const catalogues: Partial<Record<Lang, Messages>> = { en: english };
let laterTexts: Promise<void> | undefined;
let laterHeld = false;
const loading = new Map<Lang, Promise<void>>();
const listeners = new Set<() => void>();

const loaders: Record<Exclude<Lang, 'en'>, () => Promise<Messages>> = {
  'zh-CN': () => import('./zh-CN').then((m) => m.zhCN),
};

export function registerCatalogue(lang: Lang, messages: Messages): void {
  catalogues[lang] = messages;
  for (const l of listeners) l();
}

/** The English texts of the views that travel apart, held from the start (server, tests). */
export function registerLaterTexts(texts: LaterMessages): void {
  Object.assign(english, texts);
  laterHeld = true;
  for (const l of listeners) l();
}

/** Fetches the later English texts once, with the view that needs them; a failure is forgotten. */
export function loadLaterTexts(): Promise<void> {
  if (laterHeld) return Promise.resolve();
  laterTexts ??= import('./en-later')
    .then((m) => registerLaterTexts(m.enLater))
    .catch(() => undefined)
    .finally(() => (laterTexts = undefined));
  return laterTexts;
}

export function hasCatalogue(lang: Lang): boolean {
  return catalogues[lang] !== undefined;
}

/** The language's messages; English while they are not in yet. */
export function catalogueOf(lang: Lang): Messages {
  return catalogues[lang] ?? english;
}

/** Fetches the language's catalogue once; a failure is forgotten, so a later call tries again. */
export function loadCatalogue(lang: Lang): Promise<void> {
  if (lang === 'en' || hasCatalogue(lang)) return Promise.resolve();
  let pending = loading.get(lang);
  if (!pending) {
    pending = loaders[lang]()
      .then((messages) => registerCatalogue(lang, messages))
      .catch(() => undefined)
      .finally(() => loading.delete(lang));
    loading.set(lang, pending);
  }
  return pending;
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * The language to render: the one asked for once its catalogue is in, English until then (a
 * switch of language in the settings fetches it; the first render waits for it in app/start).
 */
export function useLoadedLang(wanted: Lang): Lang {
  const ready = useSyncExternalStore(
    subscribe,
    () => hasCatalogue(wanted),
    () => hasCatalogue(wanted),
  );
  useEffect(() => {
    if (!ready) void loadCatalogue(wanted);
  }, [ready, wanted]);
  return ready ? wanted : 'en';
}
