/** The languages of the interface: the page's text, its dates and its numbers follow them. */
export const LANGS = ['en', 'zh-CN'] as const;
export type Lang = (typeof LANGS)[number];
