import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { cli, tempRepos } from '../helpers/repo.js';
import { fake } from '../helpers/fakes.js';
import { hashSecret, makeFinding, type Detection } from '../../src/model/finding.js';
import { publishHashes, slowHash } from '../../src/policy/public-hash.js';

const repo = tempRepos();

async function json(...argv: string[]) {
  const run = await cli(...argv, '--format', 'json');
  if (run.code === 2) throw new Error(run.stderr);
  return JSON.parse(run.stdout);
}

/** What moltguard 0.1 printed: a fast SHA-256 anyone could test guesses against. */
const v1Fingerprint = (ruleId: string, path: string, secret: string) =>
  createHash('sha256').update(`${ruleId}\0${path}\0${hashSecret(secret)}`).digest('hex').slice(0, 32);

describe('published secret hashes are slow to guess', () => {
  test('JSON and SARIF carry the scrypt-derived hash, not a fast hash of the secret', async () => {
    const r = repo();
    const secret = fake.mbd('slow');
    r.write('a.env', `K=${secret}\n`);
    const report = await json('scan', r.dir);
    const f = report.findings[0];
    expect(f.secretHash).not.toBe(hashSecret(secret));
    expect(f.secretHash).toBe(await slowHash(hashSecret(secret)));
    expect(f.fingerprint).not.toBe(v1Fingerprint(f.ruleId, 'a.env', secret));
    const sarif = (await cli('scan', r.dir, '--format', 'sarif')).stdout;
    expect(sarif).toContain(f.fingerprint);
    expect(sarif).not.toContain(hashSecret(secret));
    expect(sarif).not.toContain(v1Fingerprint(f.ruleId, 'a.env', secret));
    const text = (await cli('scan', r.dir)).stdout;
    expect(text).toContain(`secret: ${f.secretHash}`);
    expect(text).not.toContain(hashSecret(secret));
  });

  test('allow entries by the new hash match; v1 entries still match, with a notice naming the new hash', async () => {
    const r = repo();
    const secret = fake.mbd('allowed');
    r.write('a.cfg', `K=${secret}\n`);
    const published = (await json('scan', r.dir)).findings[0].secretHash;
    for (const [hash, notice] of [
      [published, []],
      [hashSecret(secret), [expect.stringMatching(new RegExp(`allow\\[0\\].*v1 hash.*replace it with secret: ${published}`))]],
    ] as const) {
      r.write('.moltguard.yml', `allow:\n  - { rule: moltbotden-live-api-key, secret: ${hash}, reason: "rotated, kept for the demo" }\n`);
      const report = await json('scan', r.dir);
      expect(report.findings).toEqual([]);
      expect(report.suppressed).toHaveLength(1);
      expect(report.notices).toEqual(notice);
    }
  });

  test('a v1 baseline still matches, with a notice to regenerate it; a new one matches silently', async () => {
    const r = repo();
    const secret = fake.mbd('based');
    r.write('a.env', `K=${secret}\n`);
    const old = join(r.dir, 'old.json');
    writeFileSync(old, JSON.stringify({ version: 1, findings: [{ fingerprint: v1Fingerprint('moltbotden-live-api-key', 'a.env', secret), ruleId: 'moltbotden-live-api-key', path: 'a.env' }] }));
    const report = await json('scan', r.dir, '--baseline', old);
    expect(report.findings).toEqual([]);
    expect(report.notices).toEqual([expect.stringMatching(/1 baseline entries use v1 fingerprints.*regenerate/)]);
    const fresh = join(r.dir, 'new.json');
    expect((await cli('baseline', r.dir, '--output', fresh)).code).toBe(0);
    const again = await json('scan', r.dir, '--baseline', fresh);
    expect(again.findings).toEqual([]);
    expect(again.notices).toEqual([]);
  });
});

describe('publishHashes', () => {
  const detection = (secret: string, line: number): Detection => ({
    ruleId: 'moltbotden-live-api-key',
    category: 'secret',
    severity: 'critical',
    line,
    column: 3,
    endLine: line,
    endColumn: 3 + secret.length,
    message: 'key',
    remediation: 'rotate it',
    secret,
  });
  const findings = (secrets: string[]) => secrets.map((s, i) => makeFinding(detection(s, i + 1), { path: 'a.env' }, `K=${s}`, []));

  test('one slow hash per distinct secret: the same secret gets the same published hash', async () => {
    const a = fake.mbd('a');
    const b = fake.mbd('b');
    const { findings: out, notices } = await publishHashes(findings([a, b, a, a, b]));
    expect(notices).toEqual([]);
    expect(new Set(out.map((f) => f.secretHash)).size).toBe(2);
    expect(out[0].secretHash).toBe(out[2].secretHash);
    expect(out[0].fingerprint).toBe(out[3].fingerprint);
  });

  test('past the budget of distinct secrets: no secret hash, a place fingerprint, and a notice', async () => {
    const secrets = ['1', '2', '3', '4'].map((s) => fake.mbd(`budget${s}`));
    const { findings: out, notices } = await publishHashes(findings(secrets), 2);
    expect(out.map((f) => Boolean(f.secretHash))).toEqual([true, true, false, false]);
    expect(out[3].fingerprint).not.toBe(findings(secrets)[3].fingerprint);
    expect(notices).toEqual([expect.stringMatching(/^2 finding\(s\) beyond the first 2 distinct secrets/)]);
  });

  test('config findings without a secret keep their fingerprint', async () => {
    const config = makeFinding({ ...detection('', 1), ruleId: 'ssh-password-auth', category: 'config', secret: undefined, fingerprintKey: 'PasswordAuthentication yes' }, { path: 'sshd_config' }, 'PasswordAuthentication yes', []);
    expect((await publishHashes([config])).findings[0]).toBe(config);
  });
});
