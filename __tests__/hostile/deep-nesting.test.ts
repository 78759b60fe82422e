import { cli, tempRepos } from '../helpers/repo.js';

const repo = tempRepos();

const deep = '['.repeat(100_000);
const compose = `services:\n  app:\n    image: nginx\n    user: "10001:10001"\n    privileged: true\n    labels: ${deep}\n`;
const pod = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: agent\nspec:\n  containers:\n    - name: agent\n      image: nginx\n      securityContext:\n        privileged: true\n        runAsNonRoot: true\n        runAsUser: 10001\n  nodeSelector: ${deep}\n`;

describe('deep nesting does not turn real findings into a medium parse error', () => {
  test.each([
    ['docker-compose.yml', compose, 5],
    ['pod.yaml', pod, 10],
  ])('%s: the check still runs, the parse error is high, the gate fails', async (name, text, line) => {
    const r = repo(false);
    r.write(name, text);
    const run = await cli('scan', r.dir, '--format', 'json');
    const report = JSON.parse(run.stdout);
    const got = report.findings.map((f: { ruleId: string; severity: string; line: number }) => `${f.ruleId} ${f.severity} ${f.line}`);
    expect(got).toContain(`container-privileged medium ${line}`);
    expect(report.findings).toContainEqual(expect.objectContaining({ ruleId: 'config-parse-error', severity: 'high', message: expect.stringMatching(/too deeply nested/) }));
    expect(run.code).toBe(1);
  });
});

test('an sshd Include whose glob cannot be compiled matches nothing, and the rest of the file is still checked', async () => {
  const { resolveInclude } = await import('../../src/configs/sshd/include.js');
  const ctx = { read: () => undefined, paths: () => ['etc/ssh/sshd_config.d/a.conf'] };
  expect(resolveInclude('etc/ssh/sshd_config', ['[a'.repeat(20000), 'sshd_config.d/*.conf'], ctx)).toEqual(['etc/ssh/sshd_config.d/a.conf']);
});
