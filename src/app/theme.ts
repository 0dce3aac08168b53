import { useEffect } from 'react';
import type { Theme, View } from '../lib/url-state';

/** Sets `data-theme` on the document: the link's choice, else dark for the wall and the system's for the dashboard. */
export function chosenTheme(theme: Theme | undefined, view: View): Theme {
  return theme ?? (view === 'wall' ? 'dark' : 'system');
}

export function useDocumentTheme(theme: Theme | undefined, view: View) {
  const chosen = chosenTheme(theme, view);
  // `data-view` on the document, for the wall's page-wide rules: a selector asking whether the
  // page holds a wall was checked again on every change of a long table.
  useEffect(() => {
    const root = document.documentElement;
    if (view === 'wall') root.dataset.view = 'wall';
    else delete root.dataset.view;
  }, [view]);
  useEffect(() => {
    const root = document.documentElement;
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const apply = () => {
      root.dataset.theme = chosen === 'system' ? (media.matches ? 'dark' : 'light') : chosen;
    };
    apply();
    if (chosen !== 'system') return undefined;
    media.addEventListener('change', apply);
    return () => media.removeEventListener('change', apply);
  }, [chosen]);
}
