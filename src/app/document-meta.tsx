import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { poolListQuery } from '../api/queries';
import { useI18n } from '../lib/i18n/i18n';
import type { UrlState } from '../lib/url-state';
import { pageMeta } from './page-meta';

/** `<meta>` elements that say what the page shows: `[attribute, value]` of each. */
export const META_TAGS = [
  ['name', 'description'],
  ['property', 'og:title'],
  ['property', 'og:description'],
] as const;

function setMeta(attribute: string, key: string, content: string) {
  let element = document.head.querySelector<HTMLMetaElement>(`meta[${attribute}="${key}"]`);
  if (!element) {
    element = document.createElement('meta');
    element.setAttribute(attribute, key);
    document.head.append(element);
  }
  element.content = content;
}

/**
 * Keeps the tab's title, the description and the Open Graph tags in step with the view: the
 * server wrote them for the first page (src/entry-server.tsx); a search or Back changes them here.
 */
export function DocumentMeta({ url }: { url: UrlState }) {
  const i18n = useI18n();
  // Reads the pool list the views fetch; this observer never fetches it itself.
  const { data } = useQuery({ ...poolListQuery(), enabled: false });
  const { title, description } = pageMeta(i18n, url, data?.data);
  useEffect(() => {
    document.documentElement.lang = i18n.lang;
    document.title = title;
    const values = { description, 'og:title': title, 'og:description': description };
    for (const [attribute, key] of META_TAGS) setMeta(attribute, key, values[key]);
  }, [i18n.lang, title, description]);
  return null;
}
