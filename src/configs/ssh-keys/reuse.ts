import { LineIndex } from '../../model/line-index.js';
import type { ConfigContext } from '../rule.js';
import { findPublicKeys } from '../keys/ssh-public-keys.js';

export interface KeyOccurrence {
  path: string;
  line: number;
  column: number;
  environment?: string;
}

/** Path words that name an environment, and the name messages use for each. */
const ENVIRONMENTS: [RegExp, string][] = [
  [/^(prod|production|prd|live)$/, 'production'],
  [/^(staging|stage|stg)$/, 'staging'],
  [/^(dev|development)$/, 'development'],
  [/^(test|testing|qa)$/, 'test'],
  [/^(preview|demo|sandbox)$/, 'preview'],
];

/** The environment a path belongs to (`deploy/prod/authorized_keys` -> production); the deepest wins. */
export function environmentOf(path: string): string | undefined {
  const words = path.toLowerCase().split(/[/._-]+/);
  for (let i = words.length - 1; i >= 0; i--) {
    const hit = ENVIRONMENTS.find(([re]) => re.test(words[i]));
    if (hit) return hit[1];
  }
  return undefined;
}

/**
 * Every public key in the scan's candidate files, by blob. Built once per scan (the context is
 * the scan's) because each key file asks about all the others.
 */
const cache = new WeakMap<ConfigContext, Map<string, KeyOccurrence[]>>();

export function keyOccurrences(ctx: ConfigContext, candidate: (path: string) => boolean): Map<string, KeyOccurrence[]> {
  const known = cache.get(ctx);
  if (known) return known;
  const index = new Map<string, KeyOccurrence[]>();
  for (const path of ctx.paths()) {
    if (!candidate(path)) continue;
    const text = ctx.read(path);
    // Key files are small; a huge JSON or script is data, not where keys are installed.
    if (!text || text.length > 1_000_000 || !text.includes('AAAA')) continue;
    const lines = new LineIndex(text);
    const environment = environmentOf(path);
    for (const key of findPublicKeys(text)) {
      const at = lines.position(key.index);
      const list = index.get(key.blob) ?? [];
      list.push({ path, line: at.line, column: at.column, ...(environment ? { environment } : {}) });
      index.set(key.blob, list);
    }
  }
  cache.set(ctx, index);
  return index;
}
