import { sshdCheck } from '../../src/configs/sshd/check.js';
import { INCLUDE_BUDGET } from '../../src/configs/sshd/include.js';
import { globMatches } from '../../src/configs/sshd/glob.js';
import type { ConfigContext } from '../../src/configs/rule.js';

/**
 * sshd's Include had no global budget: one included file of 200,000 directives overflowed the
 * stack (a spread into push), a fan-out of includes over 16 levels and a mesh of drop-ins that
 * each include the whole folder crashed or ran out of memory. Counted: files read.
 */
function scanOf(files: Record<string, string>): { reads: number; findings: string[] } {
  let reads = 0;
  const paths = Object.keys(files);
  const ctx: ConfigContext = { read: (p) => (reads++, files[p]), paths: () => paths };
  const findings = sshdCheck.check('etc/ssh/sshd_config', files['etc/ssh/sshd_config'], ctx).map((d) => `${d.line} ${d.ruleId}`);
  return { reads, findings };
}

const MAIN = 'Include /etc/ssh/sshd_config.d/*.conf\nPasswordAuthentication yes\n';

test('a mesh of drop-ins that each include the whole folder reads each drop-in once', () => {
  const files: Record<string, string> = { 'etc/ssh/sshd_config': MAIN };
  for (let i = 0; i < 7; i++) files[`etc/ssh/sshd_config.d/${i}.conf`] = `Include /etc/ssh/sshd_config.d/*.conf\nX11Forwarding no\n`;
  const { reads, findings } = scanOf(files);
  expect(reads).toBeLessThanOrEqual(7);
  expect(findings).toContain('2 ssh-password-auth');
});

test('an included file of 200,000 directives is read up to the budget, with one parse finding, and the main file still judged', () => {
  const files = {
    'etc/ssh/sshd_config': MAIN,
    'etc/ssh/sshd_config.d/big.conf': 'ClientAliveInterval 300\n'.repeat(200_000),
  };
  const { findings } = scanOf(files);
  expect(findings).toContain('2 ssh-password-auth');
  expect(findings.filter((f) => f.endsWith('config-parse-error'))).toEqual(['1 config-parse-error']);
});

test('a fan-out of includes over 16 levels stops at the budget', () => {
  const files: Record<string, string> = { 'etc/ssh/sshd_config': 'Include /etc/ssh/l1/*.conf\nPasswordAuthentication yes\n' };
  for (let level = 1; level <= 16; level++) {
    for (let i = 0; i < 4; i++) files[`etc/ssh/l${level}/${i}.conf`] = `Include /etc/ssh/l${level + 1}/*.conf\nMaxAuthTries 3\n`;
  }
  const { reads, findings } = scanOf(files);
  expect(reads).toBeLessThanOrEqual(INCLUDE_BUDGET.files);
  expect(findings).toContain('2 ssh-password-auth');
});

test('many drop-ins each including the folder: the budget, not drop-ins squared', () => {
  const files: Record<string, string> = { 'etc/ssh/sshd_config': MAIN };
  for (let i = 0; i < 2000; i++) files[`etc/ssh/sshd_config.d/${String(i).padStart(4, '0')}.conf`] = 'Include /etc/ssh/sshd_config.d/*.conf\n';
  const { reads, findings } = scanOf(files);
  expect(reads).toBeLessThanOrEqual(INCLUDE_BUDGET.files);
  expect(findings).toContain('1 config-parse-error');
  expect(findings).toContain('2 ssh-password-auth');
});

test('Include globs are read as glob(3) reads them, and a hostile one costs its length (fuzz seed 4130548079)', () => {
  const paths = ['etc/ssh/sshd_config.d/10-a.conf', 'etc/ssh/sshd_config.d/.hidden.conf', 'etc/ssh/sshd_config.d/sub/x.conf', 'etc/ssh/sshd_config.d/b.txt', 'etc/ssh/sshd_config.d/[x].conf'];
  expect(globMatches(paths, 'etc/ssh/sshd_config.d/*.conf')).toEqual(['etc/ssh/sshd_config.d/.hidden.conf', 'etc/ssh/sshd_config.d/10-a.conf', 'etc/ssh/sshd_config.d/[x].conf']);
  expect(globMatches(paths, 'etc/ssh/sshd_config.d/[0-9]?-?.conf')).toEqual(['etc/ssh/sshd_config.d/10-a.conf']);
  expect(globMatches(paths, 'etc/ssh/sshd_config.d/[!0-9.[]*')).toEqual(['etc/ssh/sshd_config.d/b.txt']);
  expect(globMatches(paths, 'etc/ssh/sshd_config.d/\\[x].conf')).toEqual(['etc/ssh/sshd_config.d/[x].conf']);
  // The fuzz test's shape hung the glob library for minutes; these match nothing, at once.
  expect(globMatches(paths, `etc/ssh/ss${'\\'.repeat(1452)}`)).toEqual([]);
  expect(globMatches(paths, `etc/ssh/${'[a'.repeat(20_000)}`)).toEqual([]);
  expect(globMatches(paths, `etc/ssh/sshd_config.d/${'*a'.repeat(5_000)}`)).toEqual([]);
});
