import { readFileSync } from 'node:fs';
import { loadBuiltinRules } from '../src/secrets/builtin.js';
import { ruleCatalog } from '../src/pipeline/catalog.js';
import { rulesAsMarkdown } from '../src/report/rules.js';

test('the rule tables of docs/rules.md are generated from the rule catalog (run npm run rules:docs)', () => {
  const readme = readFileSync('docs/rules.md', 'utf8');
  const start = readme.indexOf('-->', readme.indexOf('<!-- rules:start')) + 4;
  const end = readme.indexOf('<!-- rules:end -->');
  expect(readme.slice(start, end)).toBe(rulesAsMarkdown(ruleCatalog(loadBuiltinRules().rules)));
});

test('the README Quick start has exactly the two commands', () => {
  const readme = readFileSync('README.md', 'utf8');
  const quick = readme.slice(readme.indexOf('## Quick start'), readme.indexOf('## Command line'));
  expect(quick).toContain('node dist/cli.js scan examples/insecure-vm');
  expect(quick).toContain('npm ci && npm test');
});
