import { expect, test, type Page } from '@playwright/test';

/**
 * "USDⓈ" and CJK symbols drew as boxes on a stock Debian machine. Chromium reports which font
 * drew each run of a node's text (DevTools' CSS.getPlatformFontsForNode): each must be drawn by
 * a font that has its glyphs, as the font stack names them (Debian: fonts-noto-cjk).
 */
async function fontsOf(page: Page, selector: string): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument');
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  return fonts.map((f) => f.familyName);
}

/** Puts `text` alone in an element styled like `like`, so its fonts are those of that text only. */
async function probe(page: Page, like: string, text: string, id: string) {
  await page.evaluate(
    ({ like, text, id }) => {
      const el = document.createElement('span');
      el.id = id;
      el.className = document.querySelector(like)?.className ?? '';
      el.textContent = text;
      document.querySelector(like)?.after(el);
    },
    { like, text, id },
  );
}

test('the Ⓢ of USDⓈ and CJK symbols are drawn by fonts that have them, from the font stack', async ({
  page,
}) => {
  await page.goto('/?refresh=3600&lang=en');
  await expect(page.getByTestId('pool').first()).toBeVisible();
  await expect(page.getByText('Binance USDⓈ-M futures')).toBeVisible();

  await probe(page, 'header p', 'Ⓢ', 'probe-circled');
  expect(await fontsOf(page, '#probe-circled')).toEqual([expect.stringMatching(/Noto Sans CJK/)]);

  // a member symbol in the monospaced member font
  await probe(
    page,
    '[data-testid="pool"] ul[aria-label="Member symbols"] li',
    '币安人生',
    'probe-cjk',
  );
  // Cards off screen skip layout (content-visibility): the fonts are known once it is drawn.
  await page.locator('#probe-cjk').scrollIntoViewIfNeeded();
  await expect
    .poll(() => fontsOf(page, '#probe-cjk'))
    .toEqual([expect.stringMatching(/Noto Sans (Mono )?CJK/)]);

  // the stacks themselves name the fonts, rather than leaving it to the system's fallback
  const stacks = await page.evaluate(() => ({
    sans: getComputedStyle(document.documentElement).fontFamily,
    mono: getComputedStyle(document.querySelector('ul[aria-label="Member symbols"]')!).fontFamily,
  }));
  expect(stacks.sans).toContain('Noto Sans CJK SC');
  expect(stacks.mono).toContain('Noto Sans Mono CJK SC');
});
