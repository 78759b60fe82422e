import { cli, tempRepos } from '../helpers/repo.js';
import { fake } from '../helpers/fakes.js';

const repo = tempRepos();

/** Error messages reach CI logs: user text that is not a name never appears in them raw. */
describe('error messages do not quote user content', () => {
  const secret = fake.mbd('as-a-key');

  test.each([
    ['a secret as a rules: key', `rules:\n  ${secret}: high\n`, /rules\.«mbd_\*+» \(redacted: not a name\): unknown rule id/],
    ['a secret as a top-level key', `${secret}: 1\n`, /Unrecognized key: "«mbd_\*+» \(redacted: not a name\)"/],
    ['a secret as an allow rule', `allow:\n  - { rule: ${secret}, reason: because }\n`, /allow\.0\.rule: unknown rule id "«mbd_\*+»/],
    ['a secret in a bad YAML escape', `ignore: ["\\q${secret}"]\n`, /\.moltguard\.yml: not valid YAML at line 1, column \d+ \(BAD_DQ_ESCAPE\)/],
  ])('%s', async (_name, yaml, message) => {
    const r = repo();
    r.write('.moltguard.yml', yaml);
    const { code, stderr } = await cli('scan', r.dir);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).not.toContain(secret);
    expect(stderr).not.toContain(secret.slice(0, 20));
  });

  test('a baseline that is not JSON: the place, not the text around it', async () => {
    const r = repo();
    r.write('base.json', `${secret}\n`).write('b2.json', `{"version": 1, "findings": [ ${secret} ]}`);
    for (const file of ['base.json', 'b2.json']) {
      const { code, stderr } = await cli('scan', r.dir, '--baseline', `${r.dir}/${file}`);
      expect(code).toBe(2);
      expect(stderr).toMatch(new RegExp(`${file}: not a valid baseline \\(not JSON: (at line \\d+, column \\d+|at offset \\d+|unexpected text)\\)`));
      expect(stderr).not.toContain(secret.slice(4, 20));
    }
  });

  test('names stay readable', async () => {
    const r = repo();
    r.write('.moltguard.yml', 'rules:\n  ssh-pasword-auth: high\n');
    expect((await cli('scan', r.dir)).stderr).toMatch(/rules\.ssh-pasword-auth: unknown rule id/);
  });
});
