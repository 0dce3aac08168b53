import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const css = readFileSync(new URL('../index.css', import.meta.url), 'utf8');

/** WCAG 2.x relative luminance of a `#rrggbb` colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const v = parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The colour variables of each theme: dark overrides what it names and inherits the rest. */
function themeColours(): Record<'light' | 'dark', Map<string, string>> {
  const light = new Map<string, string>();
  const dark = new Map<string, string>();
  for (const block of css.matchAll(/(:root|\[data-theme='dark'\])\s*\{([^}]*)\}/g)) {
    const target = block[1] === ':root' ? light : dark;
    for (const decl of block[2]!.matchAll(/--([\w-]+)\s*:\s*([^;]+);/g)) {
      target.set(decl[1]!, decl[2]!.trim().toLowerCase());
    }
  }
  return { light, dark: new Map([...light, ...dark]) };
}

const TEXT = 4.5;
/** State dots, chart bars, focus rings: WCAG 1.4.11 non-text contrast. */
const GRAPHIC = 3;

type Pair = [foreground: string, background: string, minimum: number];
const on = (fgs: string[], bgs: string[], minimum: number): Pair[] =>
  fgs.flatMap((fg) => bgs.map((bg): Pair => [fg, bg, minimum]));

const states = ['live', 'stale', 'offline', 'connecting'];

/** Every pair the interface draws, by the variable names the components and index.css use. */
const PAIRS: Pair[] = [
  // body text and secondary text on the page, cards, alerts and changed balances
  ...on(
    ['fg', 'muted'],
    [
      'bg',
      'surface',
      'alert-bg',
      'warn-bg',
      'flash-up-bg',
      'flash-down-bg',
      'wall-up-bg',
      'wall-down-bg',
    ],
    TEXT,
  ),
  ...on(
    [...states.map((s) => `state-text-${s}`), 'up', 'down', 'accent', 'chart-text'],
    ['bg', 'surface'],
    TEXT,
  ),
  ['demo-fg', 'demo-bg', TEXT],
  ['highlight-fg', 'highlight-bg', TEXT],
  // the part of a member the search text matched
  ['fg', 'match-bg', TEXT],
  // the chosen chart scale: page-coloured text on a bar-coloured button
  ['bg', 'chart-bar', TEXT],
  ['wall-drop-fg', 'wall-drop-bg', TEXT],
  // graphical indicators
  ...on(
    [
      ...states.map((s) => `state-${s}`),
      'chart-bar',
      'chart-bar-highlight',
      'chart-bar-flagged',
      'focus',
    ],
    ['bg', 'surface'],
    GRAPHIC,
  ),
  ['wall-page-dot-current', 'bg', GRAPHIC],
];

describe('contrast ratio', () => {
  it('matches the WCAG reference values', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#ffffff', '#ffffff')).toBe(1);
    // #767676 is the lightest grey that passes AA on white; #777777 just fails
    expect(contrast('#767676', '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrast('#777777', '#ffffff')).toBeLessThan(4.5);
  });
});

describe.each(['light', 'dark'] as const)('%s theme', (theme) => {
  const colours = themeColours()[theme];
  const hex = (name: string) => {
    const value = colours.get(name);
    expect(value, `--${name} in the ${theme} theme`).toMatch(/^#[0-9a-f]{6}$/);
    return value!;
  };

  it.each(PAIRS)('--%s on --%s reaches %s:1', (fg, bg, minimum) => {
    const ratio = contrast(hex(fg), hex(bg));
    expect(
      ratio,
      `--${fg} ${hex(fg)} on --${bg} ${hex(bg)}: ${ratio.toFixed(2)}:1`,
    ).toBeGreaterThanOrEqual(minimum);
  });
});
