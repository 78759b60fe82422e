import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scan } from '../../src/pipeline/scan.js';
import { toSarif } from '../../src/report/sarif.js';
import { tempRepos } from '../helpers/repo.js';

// A real-world shape: a committed .env with a thousand-plus keys (a platform's exported
// settings). The one env-file-secret finding must stay within what GitHub accepts.
const repo = tempRepos();

function envFile(keys: number): string {
  const lines = ['NODE_ENV=production', 'PORT=8080'];
  for (let i = 0; i < keys; i++) {
    const value = createHash('sha256').update(`value ${i}`).digest('base64url').slice(0, 24);
    lines.push(`PLATFORM_EXPORTED_SERVICE_${String(i).padStart(4, '0')}_CONNECTION_PASSWORD=${value}`);
  }
  return `${lines.join('\n')}\n`;
}

async function envFinding(dir: string) {
  const report = await scan({ path: dir, mode: 'tree', today: '2026-01-01', failOn: 'none' });
  const env = report.findings.filter((f) => f.ruleId === 'env-file-secret');
  expect(env).toHaveLength(1);
  return { report, env: env[0] };
}

test('a .env with 300 secrets gives one bounded finding: short message, capped related locations', async () => {
  const r = repo(false);
  writeFileSync(join(r.dir, '.env.production'), envFile(300));
  const { report, env } = await envFinding(r.dir);
  expect(env.message.length).toBeLessThan(1200);
  expect(env.message).toMatch(/committed with 300 literal secret values \(PLATFORM_EXPORTED_SERVICE_0000_CONNECTION_PASSWORD, .* and 290 more\)\. Env files /);
  expect(env.related?.length).toBe(50);
  expect(env.related?.at(-1)?.message).toMatch(/; 249 more after line 53$/);
  const sarif = JSON.parse(toSarif(report));
  const result = sarif.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'env-file-secret');
  expect(result.relatedLocations.length).toBeLessThan(1000);
  expect(JSON.stringify(result).length).toBeLessThan(20000);
});

test('its fingerprint is the file: adding a variable does not make it a new finding', async () => {
  const r = repo(false);
  writeFileSync(join(r.dir, '.env'), envFile(3));
  const before = (await envFinding(r.dir)).env.fingerprint;
  writeFileSync(join(r.dir, '.env'), `${envFile(3)}NEW_SERVICE_PASSWORD=Zq8k2LmN4xVb7Hc9Tf4W\n`);
  const after = (await envFinding(r.dir)).env;
  expect(after.message).toContain('4 literal secret values');
  expect(after.fingerprint).toBe(before);
});
