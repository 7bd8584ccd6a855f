import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

// Dependencies point one way: cli/app → modules → core.
export default tseslint.config(
  { ignores: ['node_modules', 'web/dist', 'drizzle', '.clara'] },
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts'],
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
          ],
        },
      ],
    },
  },
  {
    // Integration tests drive the whole app through the test harness.
    files: ['src/**/*.test.ts', 'src/testing/**'],
    rules: { 'import-x/no-restricted-paths': 'off' },
  },
);
