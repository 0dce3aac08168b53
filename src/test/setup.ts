import { afterEach, beforeEach, vi } from 'vitest';
import { registerCatalogue, registerLaterTexts } from '../lib/i18n/catalogues';
import { enLater } from '../lib/i18n/en-later';
import { zhCN } from '../lib/i18n/zh-CN';

// Every language at once, as the server holds them; the browser fetches the one it shows.
registerCatalogue('zh-CN', zhCN);
registerLaterTexts(enLater);

// A test that makes the code log an error fails, whatever it asserts.
let errors: unknown[][] = [];
beforeEach(() => {
  errors = [];
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    errors.push(args);
  });
});
afterEach(() => {
  if (errors.length > 0) {
    const first = errors[0]!.map((a) => (a instanceof Error ? a.stack : String(a))).join(' ');
    throw new Error(`console.error was called ${errors.length} time(s): ${first}`);
  }
});
