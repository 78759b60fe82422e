import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', '__tests__/cases/', '__tests__/corpus/', 'examples/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // The core must stay free of the Actions runtime: only the action edge and GitHub reporters import it.
      'no-restricted-imports': ['error', { patterns: [{ group: ['@actions/*'], message: 'Only src/action*.ts and src/report/github/ may import @actions/*.' }] }],
    },
  },
  {
    files: ['src/action.ts', 'src/action/**', 'src/report/github/**', '__tests__/action/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
