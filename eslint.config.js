// ESLint flat config: `npm run lint` (and so `npm test`) runs it over the whole repository.
// Type-aware rules (typescript-eslint's recommendedTypeChecked) run on the TypeScript files through the
// project service (tsconfig.json); plain JS files (bin, scripts, this file) get the syntax-only rules.
import { defineConfig } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import pluginQuery from '@tanstack/eslint-plugin-query';
import globals from 'globals';

export default defineConfig(
  {
    ignores: [
      'dist/',
      '.data/',
      '.bench/',
      'test-results/',
      'playwright-report/',
      '**/.cache/',
      '**/.vite/',
      '**/.eslintcache',
      '**/*.tsbuildinfo',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // The code indexes arrays as `xs[i]!` by convention (600+ sites). Without noUncheckedIndexedAccess
      // TypeScript calls those `!` redundant; they document intent and stay right if the flag is turned on.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
      // Event-log JSON, JSON.parse results and better-sqlite3 rows are `any` at their boundary and are read
      // through lenient coercers (src/server/status/eventJson.ts); flagging every read of them (~300 sites)
      // would only add casts, not catch bugs.
      // (The web UI has no such boundary: it keeps no-explicit-any, see below.)
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // Those coercers stringify unknown JSON values on purpose (`String(value)` after null checks, which
      // narrows `unknown` to `{}` and trips the rule).
      '@typescript-eslint/no-base-to-string': 'off',
      // Fastify handlers and fakes of async APIs (fetch stubs, async-iterable sources) are async to match a
      // promise-returning signature; an async function without `await` is harmless.
      '@typescript-eslint/require-await': 'off',
      // `let x; const w = { f: () => x.y }; x = new X(w)`: a binding read in a closure before its one assignment.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      // `_name` marks a deliberately unused binding; `{ drop: _, ...rest }` omits a key.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // The demo generator and the tests build stage keys and messages from raw event-JSON fields typed `unknown`.
    files: ['src/demo/**', 'test/**'],
    rules: { '@typescript-eslint/restrict-template-expressions': 'off' },
  },
  {
    // `expectTypeOf(client.method)` only inspects the method's type; it is never called unbound.
    files: ['test/**'],
    rules: { '@typescript-eslint/unbound-method': 'off' },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, '@tanstack/query': pluginQuery },
    rules: {
      // TanStack Query's own rules: complete query keys, stable query clients, no rest-destructured results.
      ...pluginQuery.configs['flat/recommended'][0].rules,
      '@typescript-eslint/no-explicit-any': 'error',
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
);
