import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('.', import.meta.url));

/** Every stylesheet under src/, by its path from there. */
const sheets = readdirSync(root, { recursive: true, encoding: 'utf8' })
  .filter((path) => path.endsWith('.css'))
  .map((path) => ({ path, text: readFileSync(join(root, path), 'utf8') }));

/** The sheet's text without its comments, so that a comment may still name what a rule must not. */
const rulesOf = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '');

describe('stylesheets', () => {
  it('finds the stylesheets it checks', () => {
    expect(sheets.map((s) => s.path)).toContain('index.css');
  });

  it.each(sheets.map((s) => [s.path, s.text] as const))(
    '%s styles by class and state, never by a test hook',
    (_path, text) => {
      const hooks = rulesOf(text)
        .split('\n')
        .filter((line) => /data-testid/i.test(line));
      expect(hooks).toEqual([]);
    },
  );

  it.each(sheets.filter((s) => s.path !== 'index.css').map((s) => [s.path, s.text] as const))(
    '%s keeps every rule inside one layer, so its weight against utilities is declared',
    (_path, text) => {
      const rules = rulesOf(text).trim();
      expect(rules).toMatch(/^@layer (components|views) \{/);
      // The layer's block closes only at the end: no rule stands outside it.
      let depth = 0;
      const closedAt: number[] = [];
      for (let i = 0; i < rules.length; i += 1) {
        if (rules[i] === '{') depth += 1;
        if (rules[i] === '}' && --depth === 0) closedAt.push(i);
      }
      expect(closedAt).toEqual([rules.length - 1]);
    },
  );

  it('declares the order of the layers once, views last', () => {
    const index = sheets.find((s) => s.path === 'index.css')!.text;
    expect(rulesOf(index)).toMatch(/@layer theme, base, components, utilities, views;/);
  });
});
