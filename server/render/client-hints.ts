/** What a browser's request headers say about the page it wants. */

/** `Accept-Language` as a list of language tags, most wanted first. */
export function acceptedLanguages(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((l) => /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/.test(l.tag) && l.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((l) => l.tag);
}

/** `Sec-CH-Prefers-Color-Scheme` (a structured string, quoted). */
export function colorSchemeOf(header: string | string[] | undefined): 'light' | 'dark' | undefined {
  const value = (Array.isArray(header) ? header[0] : header)?.trim().replace(/^"|"$/g, '');
  return value === 'light' || value === 'dark' ? value : undefined;
}
