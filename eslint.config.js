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
  {
    files: ['src/report/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/cli/**'] }] },
  },
);
