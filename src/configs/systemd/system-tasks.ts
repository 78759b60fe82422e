import type { Detection } from '../../model/finding.js';
import { lastEntry, type MergedUnit } from './merge.js';

// Integrity checkers, backups of the whole system, package and disk maintenance: they read or
// write every file, so running them as an unprivileged `agent` user would break them.
const SYSTEM_TASK = /^(aide|aideinit|tripwire|rkhunter|chkrootkit|lynis|clamscan|freshclam|restic|borg|borgmatic|rsnapshot|duplicity|duplicati|bacula-fd|etckeeper|logrotate|fstrim|unattended-upgrade|apt-get|apt|dnf|yum|needrestart|auditd|fail2ban-server|ufw|nft|iptables(-restore)?|certbot|rsync|tar|mysqldump|pg_dumpall|zfs|btrfs|smartctl)$/;

/** The program of a unit whose job needs root (`aide --check`), or undefined. */
export function systemTaskOf(unit: MergedUnit): string | undefined {
  const exec = lastEntry(unit.entries, 'Service', 'ExecStart')?.value ?? '';
  // `-`, `@`, `+`, `!` prefixes change how systemd runs the command, not which program it is.
  const program = exec.trim().replace(/^[-@+!:]+/, '').split(/\s+/)[0] ?? '';
  const name = program.slice(program.lastIndexOf('/') + 1);
  return SYSTEM_TASK.test(name) ? name : undefined;
}

/**
 * A root finding for a system task is not the agent's mistake the rule is about: lower
 * severity, and a fix that keeps root but narrows what the unit may do.
 */
export function forSystemTask(found: Detection[], unit: MergedUnit): Detection[] {
  const task = systemTaskOf(unit);
  if (!task) return found;
  return found.map((d) => ({
    ...d,
    severity: 'low',
    message: `${d.message.split('. ')[0]}. ${task} is a system task that needs root to do its job, so this is expected; it should not be the account an agent or web service runs as.`,
    remediation: 'Keep root for this unit, but limit it: `ProtectHome=read-only`, `PrivateTmp=yes`, `NoNewPrivileges=yes`, and `ReadWritePaths=` only where it writes; run agents and web services in their own units with `User=`.',
  }));
}
