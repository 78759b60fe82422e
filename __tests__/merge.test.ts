import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, tempRepos } from './helpers/repo.js';
import { fake } from './helpers/fakes.js';

const repo = tempRepos();

describe('moltguard merge', () => {
  test("gathers real history reports into one summary: a row per repository, counts per rule, links to each one's code scanning", async () => {
    const out = mkdtempSync(join(tmpdir(), 'moltguard-merge-'));
    const a = repo();
    a.commit('keys', { 'app.env': `K=${fake.mbd('merge-a')}\nT=${fake.telegram('merge-a')}\n` });
    a.commit('more', { 'b.env': `K=${fake.mbd('merge-a2')}\n` });
    const b = repo();
    b.commit('clean', { 'README.md': 'hi\n' });
    for (const [r, name, code] of [[a, 'acme__api', 1], [b, 'acme__docs', 0]] as const) {
      const run = await cli('scan', r.dir, '--mode', 'history', '--format', 'json', '--fail-on', 'high', '--output', join(out, `${name}.json`));
      expect(run.code).toBe(code);
    }
    const run = await cli('merge', join(out, 'acme__docs.json'), join(out, 'acme__api.json'), '--server-url', 'https://ghe.example.invalid');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toBe('## moltguard: 2 repositories, 3 findings, 3 blocking');
    expect(lines).toContain('| [acme/api](https://ghe.example.invalid/acme/api/security/code-scanning?query=tool%3Amoltguard) | 3 | 3 | 2 | moltbotden-live-api-key 2, telegram-bot-token 1 |');
    expect(lines).toContain('| [acme/docs](https://ghe.example.invalid/acme/docs/security/code-scanning?query=tool%3Amoltguard) | 0 | 0 | 1 | – |');
    // Most blocking first, whatever order the files came in.
    expect(lines.findIndex((l) => l.includes('acme/api'))).toBeLessThan(lines.findIndex((l) => l.includes('acme/docs')));
    expect(lines.slice(-2)).toEqual(['| moltbotden-live-api-key | 2 |', '| telegram-bot-token | 1 |']);
  });

  test('a file that is not a report, or is missing, is a one-line usage error naming it, exit 2', async () => {
    const out = mkdtempSync(join(tmpdir(), 'moltguard-merge-'));
    writeFileSync(join(out, 'bad.json'), '{"findings": 3}');
    writeFileSync(join(out, 'broken.json'), '{');
    for (const [file, message] of [
      ['bad.json', /bad\.json: not a moltguard JSON report \(/],
      ['broken.json', /broken\.json: not JSON \(/],
      ['gone.json', /gone\.json: cannot read \(ENOENT\)/],
    ] as const) {
      const run = await cli('merge', join(out, file));
      expect(run.code).toBe(2);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(message);
    }
    expect((await cli('merge')).code).toBe(2);
  });
});
