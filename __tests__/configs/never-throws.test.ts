import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { shellCheck } from '../../src/configs/shell/check.js';
import { firewallCheck } from '../../src/configs/firewall/check.js';
import { sshKeysCheck } from '../../src/configs/ssh-keys/check.js';
import { privateKeysCheck } from '../../src/configs/private-keys.js';
import { sudoersCheck } from '../../src/configs/sudoers/check.js';
import { fail2banCheck } from '../../src/configs/fail2ban/check.js';
import { aptCheck } from '../../src/configs/apt/check.js';

/** Bad input is reported, never thrown: every cut-off prefix of every sample file goes through every check. */
const CHECKS = [shellCheck, firewallCheck, sshKeysCheck, privateKeysCheck, sudoersCheck, fail2banCheck, aptCheck];
const ROOT = join(process.cwd(), '__tests__/cases');
const PREFIXES = /^(firewall|ufw|script|service-user|setcap|ssh-key|private-key|fail2ban|apt)-/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));
}

const samples = readdirSync(ROOT)
  .filter((d) => PREFIXES.test(d))
  .flatMap((d) => files(join(ROOT, d)))
  .filter((f) => !f.endsWith('expected.json'));

test.each(samples.map((f) => [relative(ROOT, f), f]))('%s', (_name, file) => {
  const text = readFileSync(file, 'utf8');
  const path = relative(ROOT, file).split('/').slice(2).join('/');
  const ctx = { read: () => undefined, paths: () => [path] };
  for (let cut = 0; cut <= text.length; cut += 5) {
    const part = text.slice(0, cut);
    for (const check of CHECKS) {
      expect(() => (check.applies(path, part) ? check.check(path, part, ctx) : [])).not.toThrow();
    }
  }
});
