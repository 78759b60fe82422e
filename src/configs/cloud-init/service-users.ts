import type { ConfigContext } from '../rule.js';
import { isDropIn, loadUnit, serviceUser } from '../systemd/merge.js';

const cache = new WeakMap<ConfigContext, Set<string>>();

/**
 * Who "the service user" is in this repository: every user a committed systemd service runs
 * as, plus the guide's own name for it, `agent`. Admin users (the image's default user with
 * NOPASSWD sudo) are the norm on cloud images and are not the service user.
 */
export function serviceUsers(ctx: ConfigContext): Set<string> {
  const cached = cache.get(ctx);
  if (cached) return cached;
  const users = new Set(['agent']);
  for (const p of ctx.paths()) {
    if (!p.endsWith('.service') || isDropIn(p)) continue;
    const text = ctx.read(p);
    const unit = text === undefined ? undefined : loadUnit(p, text, ctx);
    const who = unit ? serviceUser(unit.entries) : undefined;
    if (who && !who.root && who.user !== '(dynamic)') users.add(who.user);
  }
  cache.set(ctx, users);
  return users;
}
