// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'bench/out/', 'test-artifacts/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='process'][callee.property.name='exit']",
          message: 'Commands return an exit code; nothing calls process.exit.',
        },
      ],
    },
  },
  // The one place the process ends, outside src/: the bin, once the output is flushed, with
  // the code `main` returned.
  {
    files: ['bin/blast-radius.js'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  // The stages point one way: manifest and import → model → analysis → report → cli.
  {
    files: [
      'src/analysis/**',
      'src/model/**',
      'src/manifest/**',
      'src/import/**',
      'src/discover/**',
    ],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['**/cli/**', '**/report/**'] }],
    },
  },
  // Inside analysis: the graph algorithms know nothing of services, and only the orchestrator
  // (analyze.ts) imports the concept folders, never the other way round.
  {
    files: ['src/analysis/graph/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ regex: '^\\.\\./', message: 'analysis/graph imports only analysis/graph.' }],
        },
      ],
    },
  },
  {
    files: ['src/analysis/*/**'],
    ignores: ['src/analysis/graph/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/cli/**', '**/report/**'], message: 'analysis imports no report or cli.' },
            { regex: '^\\.\\./analyze\\.js$', message: 'Only analyze.ts assembles the folders.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/report/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/cli/**'] }] },
  },
  // A command's reporters use report/shared, not another command's folder (the review report
  // embeds the analyze Markdown on purpose).
  {
    files: ['src/report/*/**'],
    ignores: ['src/report/shared/**', 'src/report/review/page/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/cli/**'], message: 'report imports no cli.' },
            {
              regex: '^\\.\\./(simulate|check|diff|graph|validate|review)/',
              message: 'A reporter imports report/shared, not another command.',
            },
          ],
        },
      ],
    },
  },
);
