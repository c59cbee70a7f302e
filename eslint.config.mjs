// `npm run lint`: ESLint over every room, with typescript-eslint's recommended rules and the
// react-hooks rules for the renderer. The room rules (imports) stay in .dependency-cruiser.cjs.
import Module, { createRequire } from 'node:module';
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

// TypeScript 7 (our `tsc`) ships no JavaScript compiler API, and typescript-eslint parses with that
// API; so inside the lint process `typescript` resolves to the 6.0 API package that Microsoft
// publishes for side-by-side use. Type-checking itself stays with TypeScript 7 (scripts/typecheck.mjs).
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolveFilename.call(this, request === 'typescript' ? '@typescript/typescript6' : request, ...rest);
};
const tseslint = createRequire(import.meta.url)('typescript-eslint');

const rooms = ['common', 'native', 'main', 'platform', 'preload', 'renderer', 'central', 'e2e', 'bench', 'scripts'];
const sources = (...exts) => rooms.flatMap((room) => exts.map((ext) => `${room}/**/*.${ext}`));

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-output/**', 'release/**'] },
  {
    files: sources('ts', 'tsx', 'mjs', 'cjs', 'js'),
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      // `_` names what a destructuring leaves out on purpose (`const { file: _file, ...rest } = r`).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // `cond ? a() : b()` and `x && f()` as statements are house style; a bare `x === 1;` is still caught.
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
      // A schema interface that only extends its migrations' tables is the extension point for the next one.
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
      // `self` lets a named timer callback compare itself with the field that holds it (`wakeSleep === done`).
      '@typescript-eslint/no-this-alias': ['error', { allowedNames: ['self'] }],
      // ID card text fields are UCS-2 padded with NUL; the regexes strip control bytes on purpose.
      'no-control-regex': 'off',
      // `catch {}` where a missing optional report is simply not counted.
      'no-empty': ['error', { allowEmptyCatch: true }],
    },
  },
  {
    // Kysely<any>: migrations, the migrator and the dialect run against whatever schema version is there.
    files: ['**/migrations/**', 'platform/db/**', 'central/db/**', 'central/demo-data.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Tests, benches and their helpers read untyped answers; the assertions are the type check.
    files: ['**/*.test.ts', '**/testing.ts', '**/testing/**', 'e2e/**', 'bench/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // A pad event without payload is `{}` so that `{ type, ...payload }` spreads stay one assignable union.
    files: ['native/signature-pad/types.ts'],
    rules: { '@typescript-eslint/no-empty-object-type': ['error', { allowObjectTypes: 'always' }] },
  },
  {
    // server.ts has parsed body and query with the route's zod schema; each handler names its output type.
    files: ['central/http/handlers.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // Playwright specs run in Node but hand functions to the page (page.evaluate).
    files: ['e2e/**/*.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    // Playwright reads a fixture's dependencies from its first parameter, so `async ({}, use)` is required.
    rules: { 'no-empty-pattern': 'off' },
  },
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
);
