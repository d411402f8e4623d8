// Lint for bugs and for the architecture's invariants (see ARCHITECTURE.md).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test/e2e/node_modules/**', 'test/e2e/.cache/**', 'test/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // Editor tests pass callbacks to page.evaluate(), which run in the browser.
    files: ['test/e2e/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    // The language service is LSP-free and does no I/O: the hosts (LSP glue, CLI) do.
    files: ['server/src/service/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['vscode-languageserver*', 'vscode-languageclient*', 'vscode'],
              message: 'The language service must not import the LSP library.',
            },
            {
              group: ['fs', 'node:fs', 'fs/*', 'node:fs/*'],
              message: 'The language service does no I/O; let the host pass facts in.',
            },
          ],
        },
      ],
    },
  },
);
