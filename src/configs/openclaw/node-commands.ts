/**
 * Every node command id a gateway knows, for telling a deny entry that names a real command
 * from one that denies nothing. The audit builds its set from the per-platform defaults (ios,
 * android, macos, linux, windows, unknown) plus gateway.nodes.allowCommands, and newer
 * versions add the dangerous commands too; the union is taken here so a deny entry valid on any
 * platform is never reported.
 *
 * Sources, read in openclaw/openclaw:
 * - src/gateway/node-command-policy.ts @ fa834b66083d3ba87a59e7d30aa6068bd9553f93
 *   (PLATFORM_DEFAULTS and DEFAULT_DANGEROUS_NODE_COMMANDS);
 * - src/infra/node-commands.ts @ 7cdde92da718e71206385140f873c82d58effc1e (system.run.prepare,
 *   file.read, file.write, which later versions of the policy include).
 * Later copies of the policy add the notification and device ids marked below; they are kept so
 * a config written for a newer gateway is not reported for naming them.
 */
export const KNOWN_NODE_COMMANDS: ReadonlySet<string> = new Set([
  // canvas
  'canvas.present', 'canvas.hide', 'canvas.navigate', 'canvas.eval', 'canvas.snapshot', 'canvas.a2ui.push', 'canvas.a2ui.pushJSONL', 'canvas.a2ui.reset',
  // camera, screen, location, device
  'camera.list', 'camera.snap', 'camera.clip', 'screen.record', 'location.get', 'device.info', 'device.status',
  // personal data
  'contacts.search', 'contacts.add', 'calendar.events', 'calendar.add', 'reminders.list', 'reminders.add', 'photos.latest', 'motion.activity', 'motion.pedometer', 'sms.send',
  // desktop hosts
  'system.run', 'system.run.prepare', 'system.which', 'system.notify', 'system.execApprovals.get', 'system.execApprovals.set', 'browser.proxy', 'file.read', 'file.write',
  // later copies of the policy (notifications, Android device state)
  'notifications.list', 'notifications.actions', 'device.permissions', 'device.health',
]);

/** The audit's "did you mean": known ids sharing the first two dot-segments, else the nearest by edit distance. */
export function suggestCommands(entry: string, known: ReadonlySet<string>): string[] {
  const head = entry.includes('.') ? entry.split('.').slice(0, 2).join('.') : entry;
  const byPrefix = [...known].filter((c) => c.startsWith(head)).slice(0, 3);
  if (byPrefix.length) return byPrefix;
  const ranked = [...known].map((c) => ({ c, d: distance(entry, c) })).sort((a, b) => a.d - b.d || a.c.localeCompare(b.c));
  // Two edits always count; a farther best match counts up to four.
  const limit = Math.max(2, Math.min(4, ranked[0]?.d ?? 0));
  return ranked.filter((r) => r.d <= limit).slice(0, 3).map((r) => r.c);
}

function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length];
}
