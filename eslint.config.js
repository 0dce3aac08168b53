import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import pluginQuery from '@tanstack/eslint-plugin-query';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Every feature folder: none may import another (each is a slice of the app of its own). */
const features = readdirSync('src/features', { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

/**
 * Imports go one way: entries -> app -> features -> shared (components, api, lib) -> core. The
 * entries (main.tsx in the browser, entry-server.tsx for server rendering) start the app. lib/
 * holds what every layer shares that is not a component of the page: helpers, hooks and the
 * language provider (lib/i18n). The core is the domain's rules, imported by the browser and the
 * server alike: plain TypeScript, no React, and it imports nothing of ours. The server reaches
 * into src/ for the core alone.
 */
/** The entries start the app (the browser, server rendering): nothing but their own tests imports them. */
const entries = {
  target: './src',
  from: ['./src/main.tsx', './src/entry-server.tsx'],
  message: 'The entries start the app (the browser, server rendering); nothing imports them.',
};
const zones = [
  ...features.map((name) => ({
    target: `./src/features/${name}`,
    from: './src/features',
    except: [`./${name}`],
    message: 'A feature never imports another feature; move what both need to components/ or lib/.',
  })),
  entries,
  {
    target: ['./src/features', './src/components', './src/api', './src/lib', './src/core'],
    from: './src/app',
    message: 'Only the app composes; nothing below it imports from src/app.',
  },
  {
    target: ['./src/components', './src/api', './src/lib', './src/core'],
    from: './src/features',
    message: 'Shared code never imports a feature.',
  },
  {
    target: ['./src/lib', './src/core'],
    from: ['./src/components', './src/api'],
    message:
      'lib/ and core/ import no component of the page and fetch nothing (lib/ may hold hooks and the language provider; core/ holds no React at all).',
  },
  {
    target: './src/core',
    from: './src',
    except: ['./core', './test'],
    message: 'The domain core imports nothing of ours: it is shared by the browser and the server.',
  },
  {
    target: './server',
    from: './src',
    // src/test: the helpers tests read files with (a CSV reader), for the server's tests too
    except: ['./core', './test'],
    message: 'The server imports the domain core (src/core) and nothing else of the app.',
  },
  { target: './src', from: './server', message: 'The app never imports the server.' },
];

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-*',
      'node_modules',
      'test-results',
      'playwright-report',
      'bench/results',
      'data',
    ],
  },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks, '@tanstack/query': pluginQuery, 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })],
    },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...pluginQuery.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'import-x/no-restricted-paths': ['error', { zones }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Markup from data is never injected as HTML.',
        },
      ],
    },
  },
  {
    // A test of an entry (server rendering, hydration) imports the entry it tests.
    files: ['src/**/*.test.{ts,tsx}'],
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: zones.filter((z) => z !== entries) }],
    },
  },
  {
    // The core runs in the browser and in Node: no DOM, no Node-only module.
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'react', 'react-dom', 'react-dom/*'],
              message: 'The core is plain TypeScript.',
            },
          ],
        },
      ],
    },
  },
  {
    // Playwright fixtures hand their value to `use`, which is not React's hook.
    files: ['e2e/**/*.ts', 'bench/**/*.ts'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
);
