import type { ConfigContext } from '../rule.js';
import { committedUnits, serviceUser } from '../systemd/merge.js';

/**
 * Who "the service user" is in this repository: every user a committed systemd service runs
 * as, plus the guide's own name for it, `agent`. Admin users (the image's default user with
 * NOPASSWD sudo) are the norm on cloud images and are not the service user.
 */
export function serviceUsers(ctx: ConfigContext): Set<string> {
  const users = new Set(['agent']);
  for (const { unit } of committedUnits(ctx)) {
    const who = serviceUser(unit.entries);
    if (who && !who.root && who.user !== '(dynamic)') users.add(who.user);
  }
  return users;
}
