import { afterEach, beforeEach, vi } from 'vitest';
import { provideCatalogue } from '../lib/i18n/i18n';
import { zhCN } from '../lib/i18n/zh-CN';

// The browser loads the Chinese texts on demand (lib/i18n); tests hold them from the start.
provideCatalogue('zh-CN', zhCN);

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
