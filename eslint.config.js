import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import { readdirSync } from 'node:fs';

// Web features stand alone; app/ composes them (routes, layout), so a feature never imports another.
const FEATURES = readdirSync(new URL('./web/src/features', import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

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
    files: ['web/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y, 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'web/tsconfig.json' })] },
    rules: {
      // The classic hook rules; the React Compiler rules of the plugin's recommended set are not adopted (no compiler here).
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      ...jsxA11y.flatConfigs.recommended.rules,
      // Mantine inputs are components, not DOM elements: a login form may focus its first field.
      'jsx-a11y/no-autofocus': ['error', { ignoreNonDOM: true }],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: FEATURES.map((f) => ({
            target: `./web/src/features/${f}`,
            from: './web/src/features',
            except: [`./${f}`],
            message: 'a feature must not import another feature; compose them in web/src/app.',
          })),
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
