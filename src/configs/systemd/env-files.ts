import { baseName, type ConfigContext } from '../rule.js';
import { looksLikeEnvFile } from '../dotenv/parse.js';
import { committedUnits, effectiveList } from './merge.js';
import type { UnitEntry } from './parse.js';

/**
 * Maps a unit's `EnvironmentFile=` (a path on the server) to the committed files it is made
 * from. A repository either mirrors the server's tree (`rootfs/etc/default/agent` for
 * `/etc/default/agent`), is deployed at a prefix (`.env` for `/app/.env`, the guide's layout),
 * or keeps the file beside the unit.
 */
export function resolveEnvironmentFile(unitPath: string, target: string, ctx: ConfigContext): string[] {
  const path = target.replace(/^-/, '').trim();
  // Specifiers (%h, %E) and relative paths have no fixed place on the server.
  if (!path.startsWith('/') || path.includes('%')) return [];
  const unitDir = unitPath.includes('/') ? unitPath.slice(0, unitPath.lastIndexOf('/') + 1) : '';
  const name = baseName(path);
  const found = ctx.paths().filter(
    (p) => `/${p}`.endsWith(path) || path.endsWith(`/${p}`) || (baseName(p) === name && p === unitDir + name),
  );
  // Only a file that reads as an env file is one: `/etc/default/agent` must not match a script `agent`.
  const envLike = found.filter((p) => looksLikeEnvFile(ctx.read(p) ?? ''));
  // The longest shared suffix is the most specific match.
  return envLike.sort((a, b) => b.length - a.length);
}

export interface EnvFileUse {
  /** The committed file. */
  path: string;
  /** The unit line that loads it. */
  entry: UnitEntry;
}

const cache = new WeakMap<ConfigContext, Map<string, EnvFileUse>>();

/** Every committed file that some committed unit loads with `EnvironmentFile=`, keyed by path. */
export function environmentFileTargets(ctx: ConfigContext): Map<string, EnvFileUse> {
  const cached = cache.get(ctx);
  if (cached) return cached;
  const targets = new Map<string, EnvFileUse>();
  for (const { path, unit } of committedUnits(ctx)) {
    for (const e of effectiveList(unit.entries, 'Service', 'EnvironmentFile')) {
      for (const target of resolveEnvironmentFile(path, e.value, ctx).slice(0, 1)) {
        if (!targets.has(target)) targets.set(target, { path: target, entry: e });
      }
    }
  }
  cache.set(ctx, targets);
  return targets;
}
