import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CONFIG_CHECKS } from '../../src/configs/index.js';

/** Bad input is reported, never thrown: every cut-off prefix of every sample file goes through every check. */
const ROOT = join(process.cwd(), '__tests__/cases');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));
}

const samples = readdirSync(ROOT)
  .flatMap((d) => files(join(ROOT, d)))
  .filter((f) => !f.endsWith('expected.json'));

test.each(samples.map((f) => [relative(ROOT, f), f]))('%s', (_name, file) => {
  const text = readFileSync(file, 'utf8');
  const path = relative(ROOT, file).split('/').slice(2).join('/');
  const ctx = { read: () => undefined, paths: () => [path] };
  for (let cut = 0; cut <= text.length; cut += 5) {
    const part = text.slice(0, cut);
    for (const check of CONFIG_CHECKS) {
      expect(() => (check.applies(path, part) ? check.check(path, part, ctx) : [])).not.toThrow();
    }
  }
});
