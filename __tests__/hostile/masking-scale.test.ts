import { createHash } from 'node:crypto';
import { CONFIG_CHECKS } from '../../src/configs/index.js';
import { loadBuiltinRules } from '../../src/secrets/builtin.js';
import { SecretEngine } from '../../src/secrets/engine.js';
import { detectUnit } from '../../src/pipeline/detect.js';

/**
 * Masking costs per secret it could show, not per (finding, secret of the file) pair: a `.env`
 * of 1k/2k/3k keys took 2.8/9.4/34 s when every finding masked every value of the file, and a
 * line of many keys masked each of them in every finding's snippet. The work counted is string
 * searches and reads (`includes`, `split`, `startsWith`, `charCodeAt`: what masking is made of); grown 4x, a file must cost about 4x,
 * not 16x. Timing is not asserted: the machine is shared.
 */
const detectors = { secrets: new SecretEngine(loadBuiltinRules().rules), configs: CONFIG_CHECKS };
const ctx = { read: () => undefined, paths: () => ['.env'] };

function value(i: number): string {
  return createHash('sha256').update(String(i)).digest('base64').replace(/[+/=]/g, 'x').slice(0, 24);
}

/** String searches made while one unit is detected, and its findings. */
function searches(path: string, text: string): { count: number; findings: number } {
  const proto = String.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
  const saved = { includes: proto.includes, split: proto.split, startsWith: proto.startsWith, charCodeAt: proto.charCodeAt };
  let count = 0;
  for (const name of ['includes', 'split', 'startsWith', 'charCodeAt'] as const) {
    const original = saved[name];
    proto[name] = function (this: string, ...args: unknown[]) {
      count++;
      return original.apply(this, args);
    };
  }
  try {
    const { findings } = detectUnit({ path, text, wholeFile: true }, detectors, ctx);
    return { count, findings: findings.length };
  } finally {
    Object.assign(proto, saved);
  }
}

function growth(make: (n: number) => string, path: string, n: number): number {
  const small = searches(path, make(n));
  const large = searches(path, make(4 * n));
  expect(small.findings).toBeGreaterThanOrEqual(n);
  expect(large.findings).toBeGreaterThanOrEqual(4 * n);
  return large.count / small.count;
}

test('a .env of many keys: masking grows with the keys, not their square', () => {
  const env = (n: number) => Array.from({ length: n }, (_, i) => `SERVICE${i}_PASSWORD=${value(i)}\n`).join('');
  expect(growth(env, '.env', 300)).toBeLessThan(8);
});

test('one line of many keys: each snippet is masked with the keys near it, not all of the line', () => {
  const line = (n: number) => `tokens=${Array.from({ length: n }, (_, i) => `mbd_live_${value(i)}${value(i + 1)}`).join(' ')}\n`;
  expect(growth(line, 'notes.txt', 300)).toBeLessThan(8);
});

test('many distinct keys sharing a long prefix: one pass per text, not one try per key at each place', () => {
  // Every JWT starts with the same header, so an index by first characters put all of them in one
  // bucket and tried each at every `eyJ…` of the file: 2,000 keys took 1.6 s, 8,000 about 26 s.
  const header = Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url');
  const jwt = (i: number) => `${header}.${Buffer.from(`{"sub":"${i}"}`).toString('base64url')}.${value(i)}${value(i + 7)}`;
  const env = (n: number) => Array.from({ length: n }, (_, i) => `TOKEN_${i}=${jwt(i)}\n`).join('');
  expect(growth(env, 'app.env', 300)).toBeLessThan(8);
});
