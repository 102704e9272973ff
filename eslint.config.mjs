import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', '.vscode-test/', 'test-output/', 'test/fixtures/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        require: 'readonly',
        __dirname: 'readonly',
        module: 'writable',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setImmediate: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // The ledger tab's page script runs in a webview (a browser), not in Node.
    files: ['client/media/**/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: {
        acquireVsCodeApi: 'readonly',
        document: 'readonly',
        window: 'readonly',
        FormData: 'readonly',
      },
    },
  },
  {
    files: ['bin/**/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The core is pure: no editor host, no LSP runtime, no I/O. Types packages are allowed.
    files: ['server/src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'vscode',
                'vscode-languageserver',
                'vscode-languageserver/*',
                'vscode-languageclient',
                'vscode-languageclient/*',
                'vscode-languageserver-textdocument',
              ],
              message:
                'The core must not depend on an editor host or LSP runtime; use vscode-languageserver-types.',
            },
            {
              group: [
                'fs',
                'fs/*',
                'node:*',
                'path',
                'child_process',
                'os',
                'net',
                'http',
                'https',
                'worker_threads',
              ],
              message: 'The core does no I/O; take data through parameters.',
            },
            {
              group: ['../node/*', '../cli/*', '../../node/*', '../../cli/*'],
              message: 'The core must not import its adapters.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'process', 'require', '__dirname', 'Buffer'],
    },
  },
);
