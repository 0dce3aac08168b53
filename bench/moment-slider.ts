/**
 * From a step of the moment slider to the overview of that moment redrawn, at 600 pools: the
 * page of a past moment is opened, the slider focused, and each Page Down (a day earlier; Page Up
 * back once six days are stepped through), 1.5 s after the last, is timed from the key to the first frame after the new moment's totals and
 * pools are on screen (they are drawn in one commit). The page asks for the moments a key step
 * away once a moment is in, so this is the step as a reader stepping through the days has it.
 * Measured on the large stack.
 */
import type { Browser } from '@playwright/test';
import { formatMoment } from '../src/core/moment.ts';
import { newContext } from './browser.ts';
import { judge, median, ms, percentile, type Row } from './report.ts';

export const SLIDER_TARGET_MS = 200;
const READ_MS = 1_500;
/**
 * Page Down steps taken before turning back with Page Up: the large stack holds 8 days of
 * history, and a step past its first recording would not move the moment at all.
 */
const DAYS_DOWN = 6;

export interface SliderFigures {
  pools: number;
  stepsMs: number[];
}

export async function momentSlider(
  browser: Browser,
  app: string,
  steps: number,
): Promise<SliderFigures> {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    const at = Math.floor((Date.now() - 3_600_000) / 60_000) * 60_000;
    await page.goto(`${app}/?at=${formatMoment(at)}`);
    const total = page.locator('[data-testid="moment-total"][data-asset="USDT"]');
    await total.waitFor({ timeout: 60_000 });
    const pools = await page.getByTestId('pool').count();
    await page.getByTestId('moment-slider').focus();
    const stepsMs: number[] = [];
    for (let i = 0; i < steps; i += 1) {
      // A reader looks at a moment before the next step.
      await page.waitForTimeout(READ_MS);
      await page.evaluate(() => {
        const w = window as unknown as { momentKeyAt?: number };
        w.momentKeyAt = undefined;
        window.addEventListener('keydown', () => (w.momentKeyAt = performance.now()), {
          capture: true,
          once: true,
        });
      });
      const before = await total.getAttribute('data-value');
      await page.keyboard.press(i % (2 * DAYS_DOWN) < DAYS_DOWN ? 'PageDown' : 'PageUp');
      const took = await page.evaluate(
        (was) =>
          new Promise<number>((resolve, reject) => {
            const started = performance.now();
            const check = () => {
              const now = document
                .querySelector('[data-testid="moment-total"][data-asset="USDT"]')
                ?.getAttribute('data-value');
              if (now !== undefined && now !== null && now !== was) {
                // The first frame after the commit: the redraw painted.
                requestAnimationFrame(() =>
                  setTimeout(() => {
                    const w = window as unknown as { momentKeyAt?: number };
                    resolve(performance.now() - (w.momentKeyAt ?? started));
                  }, 0),
                );
              } else if (performance.now() - started > 20_000) reject(new Error('never redrawn'));
              else requestAnimationFrame(check);
            };
            check();
          }),
        before,
      );
      stepsMs.push(took);
    }
    return { pools, stepsMs };
  } finally {
    await context.close();
  }
}

export function sliderRows(f: SliderFigures): Row[] {
  const p95 = percentile(f.stepsMs, 95);
  return [
    {
      measure: `a step of the moment slider to the overview redrawn (${f.pools} pools): p95`,
      result: ms(p95),
      target: `≤ ${SLIDER_TARGET_MS} ms`,
      status: judge(p95 <= SLIDER_TARGET_MS),
      note: `${f.stepsMs.length} steps of a day, ${READ_MS / 1000} s apart (the page asks for the moments a key step away ahead); median ${ms(median(f.stepsMs))}`,
    },
  ];
}
