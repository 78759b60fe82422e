import { isEnvFileName } from '../dotenv/check.js';

/**
 * Paths whose body, when a script or a task writes it whole, the check of that path judges as
 * if the file were committed: sshd, systemd units and drop-ins, fail2ban jails, apt's
 * configuration, sudoers and env files.
 */
export function isEmbeddedTarget(path: string): boolean {
  if (/(^|\/)sshd_config$|(^|\/)sshd_config\.d\/[^/]+\.conf$/.test(path)) return true;
  if (/(^|\/)systemd\/(system|user)\/[^/]+\.service(\.d\/[^/]+\.conf)?$/.test(path)) return true;
  if (/(^|\/)fail2ban\/(jail\.(conf|local)|jail\.d\/[^/]+\.(conf|local))$/.test(path)) return true;
  if (/(^|\/)apt\/apt\.conf\.d\/[^/]+$/.test(path)) return true;
  if (/(^|\/)sudoers(\.d\/[^/]+)?$/.test(path)) return true;
  return isEnvFileName(path);
}
