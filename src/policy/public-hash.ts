import { createHash, scrypt } from 'node:crypto';
import type { Finding } from '../model/finding.js';

/**
 * The hashes that leave the process (JSON, SARIF, allow entries, baselines, review markers).
 * Inside, findings carry a fast SHA-256 of the secret for dedup; outside, that would let anyone
 * who reads a report test password guesses at GPU speed. So every published secret hash is an
 * scrypt of the fast one (one slow step per guess), computed once per distinct secret of the
 * findings that are reported. See docs/secret-hashes.md.
 */

/** ~30 ms and 16 MiB per secret on this project's CI machines; an attacker pays the same per guess. */
const SCRYPT = { N: 1 << 14, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const SECRET_SALT = 'moltguard:secret-hash:v2';
const FINGERPRINT_DOMAIN = 'moltguard:fingerprint:v2';
/**
 * A pull request could add 100,000 distinct fake keys to keep the gate hashing for an hour:
 * past this many distinct secrets in one scan, findings carry no secret hash and a fingerprint
 * of their place (rule, path, line, column), and a notice says so.
 */
export const MAX_SLOW_HASHES = 500;
/** The libuv pool has 4 threads; more at once only queues. */
const CONCURRENCY = 4;

/** What a published finding was known by before (v1, fast): old allow entries and baselines match it for one release. */
export interface LegacyHashes {
  fingerprint: string;
  secretHash?: string;
}

/** Published fingerprint -> the fast hashes of the same (rule, path, secret): survives severity overrides, which copy a finding. */
const legacy = new Map<string, LegacyHashes>();
/** Fast secret hash -> published one, for the life of the process (the action may scan twice). */
const cache = new Map<string, string>();

export function legacyHashes(f: Finding): LegacyHashes | undefined {
  return legacy.get(f.fingerprint);
}

export interface Publication {
  findings: Finding[];
  notices: string[];
}

/** Replaces the fast hashes of every finding with published ones; config findings without a secret keep theirs. */
export async function publishHashes(findings: readonly Finding[], maxSlowHashes = MAX_SLOW_HASHES): Promise<Publication> {
  // The first MAX_SLOW_HASHES distinct secrets in report order, so that a run gives the same answer as the last.
  const distinct = [...new Set(findings.flatMap((f) => (f.secretHash ? [f.secretHash] : [])))];
  const hashed = new Set(distinct.slice(0, maxSlowHashes));
  await derive([...hashed].filter((h) => !cache.has(h)));
  let overBudget = 0;
  const out = findings.map((f) => {
    const { secretHash: fast, ...rest } = f;
    if (!fast) return f;
    const slow = hashed.has(fast) ? cache.get(fast) : undefined;
    if (!slow) overBudget++;
    const published: Finding = Object.freeze(slow ? { ...rest, fingerprint: fingerprintOf(f, slow), secretHash: slow } : { ...rest, fingerprint: placeFingerprint(f) });
    legacy.set(published.fingerprint, { fingerprint: f.fingerprint, secretHash: fast });
    return published;
  });
  const notices = overBudget
    ? [`${overBudget} finding(s) beyond the first ${maxSlowHashes} distinct secrets of this scan have no secret hash and a fingerprint of their place: allow them by path, or fix the rest first`]
    : [];
  return { findings: out, notices };
}

function fingerprintOf(f: Finding, slowSecretHash: string): string {
  return createHash('sha256').update(`${FINGERPRINT_DOMAIN}\0${f.ruleId}\0${f.path}\0${slowSecretHash}`).digest('hex').slice(0, 32);
}

function placeFingerprint(f: Finding): string {
  return createHash('sha256').update(`${FINGERPRINT_DOMAIN}:place\0${f.ruleId}\0${f.path}\0${f.line}\0${f.column}`).digest('hex').slice(0, 32);
}

async function derive(fastHashes: readonly string[]): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < fastHashes.length) {
      const fast = fastHashes[next++];
      cache.set(fast, await slowHash(fast));
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, fastHashes.length) }, worker));
}

/** The published hash of one secret, given its internal fast hash (`hashSecret`). */
export function slowHash(fastSecretHash: string): Promise<string> {
  return new Promise((resolve, reject) =>
    scrypt(fastSecretHash, SECRET_SALT, 16, SCRYPT, (err, key) => (err ? reject(err) : resolve(key.toString('hex')))),
  );
}
