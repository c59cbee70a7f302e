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
    rules: {},
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    // Playwright specs run in Node but hand functions to the page (page.evaluate).
    files: ['e2e/**/*.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
);
