import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

// Dependencies point one way: cli/app → modules → core.
export default tseslint.config(
  { ignores: ['node_modules', 'web/dist', 'drizzle', '.clara'] },
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts', 'ai/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver()] },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './src/core', from: './src/modules', message: 'core/ has no business rules: it must not import modules.' },
            {
              target: './src/core',
              from: ['./src/app.ts', './src/cli.ts', './src/server.ts', './src/context.ts'],
              message: 'core/ must not import the composition root.',
            },
            {
              target: './src/modules',
              from: ['./src/app.ts', './src/cli.ts', './src/server.ts'],
              message: 'modules must not import the composition root.',
            },
            {
              // Evaluation and training code (ai/) serves the CLI and benchmarks; the server never loads it.
              target: ['./src/core', './src/modules', './src/app.ts', './src/server.ts', './src/context.ts', './src/web.ts'],
              from: './ai',
              message: 'the server must not import ai/ (evaluation and training); only src/cli may.',
            },
          ],
        },
      ],
    },
  },
  {
    // Integration tests drive the whole app through the test harness.
    files: ['src/**/*.test.ts', 'ai/**/*.test.ts', 'src/testing/**'],
    rules: { 'import-x/no-restricted-paths': 'off' },
  },
);
