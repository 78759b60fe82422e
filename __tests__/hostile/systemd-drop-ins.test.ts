import { systemdCheck } from '../../src/configs/systemd/check.js';
import type { ConfigContext } from '../../src/configs/rule.js';

/**
 * One unit with thousands of drop-ins: each drop-in's check loaded the whole unit again (every
 * path filtered, every drop-in read and parsed), 2,000 drop-ins took 63 s. Counted: files read
 * and paths looked at through the scan's context, for n and 4n drop-ins.
 */
function unitWith(n: number): Map<string, string> {
  const files = new Map([['deploy/agent.service', '[Unit]\nDescription=agent\n\n[Service]\nUser=agent\nExecStart=/usr/bin/agent\n']]);
  for (let i = 0; i < n; i++) files.set(`deploy/agent.service.d/${String(i).padStart(5, '0')}-env.conf`, `[Service]\nEnvironment=LEVEL_${i}=debug\n`);
  files.set('deploy/agent.service.d/99999-root.conf', '[Service]\nUser=root\n');
  return files;
}

function work(files: Map<string, string>): { reads: number; pathsSeen: number; findings: string[] } {
  let reads = 0;
  let pathsSeen = 0;
  const paths = [...files.keys()];
  const ctx: ConfigContext = {
    read: (p) => (reads++, files.get(p)),
    paths: () => ((pathsSeen += paths.length), paths),
  };
  const findings = [...files].flatMap(([path, text]) => systemdCheck.check(path, text, ctx).map((d) => `${path}:${d.line} ${d.ruleId}`));
  return { reads, pathsSeen, findings };
}

test('each drop-in is read once per scan, whatever the number of drop-ins', () => {
  const small = work(unitWith(100));
  const large = work(unitWith(400));
  // The drop-in that undoes User= is still found, as before.
  expect(large.findings).toContain('deploy/agent.service.d/99999-root.conf:2 systemd-dropin-root');
  expect(large.reads).toBeLessThanOrEqual(2 * 402);
  expect(large.reads / small.reads).toBeLessThan(8);
  expect(large.pathsSeen / small.pathsSeen).toBeLessThan(8);
});
