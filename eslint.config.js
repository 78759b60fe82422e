import tseslint from 'typescript-eslint';
import redos from 'eslint-plugin-redos';

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
    // Whoever opens a pull request writes the text these regexes read: none may take time
    // polynomial in it (issue 13). recheck's automaton checker is deterministic, so the same
    // source gives the same verdict on every run; a regex it cannot decide in time passes.
    files: ['src/**/*.ts'],
    plugins: { redos },
    rules: { 'redos/no-vulnerable': ['error', { checker: 'automaton', timeout: 20000 }] },
  },
  {
    files: ['src/action.ts', 'src/action/**', 'src/report/github/**', '__tests__/action/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
