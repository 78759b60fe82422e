import { makeFinding, type Detection } from '../../src/model/finding.js';
import { readSettings } from '../../src/action/inputs.js';
import { planTarget } from '../../src/action/event.js';
import { commentBody, planReview, readMarker } from '../../src/report/github/review-plan.js';
import { code, fenced, text } from '../../src/report/github/markdown.js';

/** The action's pure decisions, from source: inputs, what an event means, where comments go. */

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);

function finding(d: Partial<Detection> & { path?: string; commit?: string }) {
  const detection: Detection = {
    ruleId: 'ssh-password-auth',
    category: 'config',
    severity: 'critical',
    line: 2,
    column: 1,
    endLine: 2,
    endColumn: 27,
    message: 'PasswordAuthentication yes is the effective value.',
    remediation: 'Set `PasswordAuthentication no`.',
    fingerprintKey: 'passwordauthentication yes',
    ...d,
  };
  return makeFinding(detection, { path: d.path ?? 'deploy/sshd_config', commit: d.commit, author: 'Dev', date: '2026-01-01' }, 'PasswordAuthentication yes', []);
}

describe('readSettings', () => {
  const inputs = (values: Record<string, string>) => (name: string) => values[name] ?? '';

  test('missing inputs take the defaults action.yml documents', () => {
    expect(readSettings(inputs({}))).toEqual({
      token: '',
      path: '.',
      mode: 'auto',
      failOn: undefined,
      config: undefined,
      baseline: undefined,
      sarifFile: 'moltguard.sarif',
      annotations: true,
      prReview: true,
      summary: true,
    });
  });

  test('values are normalised the way the runner spells them', () => {
    const s = readSettings(inputs({ mode: ' Diff ', 'fail-on': 'CRITICAL', annotations: 'False', 'pr-review': 'TRUE', config: ' ci/moltguard.yml ' }));
    expect(s).toMatchObject({ mode: 'diff', failOn: 'critical', annotations: false, prReview: true, config: 'ci/moltguard.yml' });
  });

  test('every bad input is reported at once, each by name', () => {
    expect(() => readSettings(inputs({ mode: 'full', summary: 'yes', 'sarif-file': '  ' }))).toThrow(
      'input "mode": expected one of auto, tree, diff, history, got "full"\n' +
        'input "sarif-file": the SARIF path must not be empty\n' +
        'input "summary": expected true or false, got "yes"',
    );
  });
});

describe('planTarget', () => {
  const pr = { pull_request: { number: 3, commits: 4, base: { sha: A, ref: 'main' }, head: { sha: B } } };

  test('pull_request and pull_request_target scan what the pull request adds, every commit included', () => {
    for (const event of ['pull_request', 'pull_request_target']) {
      expect(planTarget(event, pr, 'auto')).toMatchObject({ kind: 'range', base: A, head: B, commits: 4, mode: 'diff', everyCommit: true, pullRequest: { number: 3, headSha: B } });
    }
  });

  test('an explicit diff is the net change only, on every event kind; history walks the same range', () => {
    expect(planTarget('pull_request', pr, 'diff')).toMatchObject({ kind: 'range', everyCommit: false });
    const push = { ref: 'refs/heads/feature', before: A, after: B };
    expect(planTarget('push', push, 'diff')).toMatchObject({ kind: 'range', everyCommit: false });
    expect(planTarget('push', push, 'auto')).toMatchObject({ kind: 'range', everyCommit: true });
    const created = { ...push, before: '0'.repeat(40), created: true };
    expect(planTarget('push', created, 'diff')).toMatchObject({ kind: 'new-branch', everyCommit: false });
    expect(planTarget('push', created, 'auto')).toMatchObject({ kind: 'new-branch', everyCommit: true });
    expect(planTarget('merge_group', { merge_group: { base_sha: A, head_sha: B } }, 'diff')).toMatchObject({ kind: 'range', everyCommit: false });
    expect(planTarget('pull_request', pr, 'history')).toMatchObject({ kind: 'range', mode: 'history' });
  });

  test('push: deleted branches and empty pushes scan nothing and say so', () => {
    const push = { ref: 'refs/heads/main', before: A, after: B };
    expect(planTarget('push', { ...push, deleted: true, after: '0'.repeat(40) }, 'auto')).toMatchObject({ kind: 'nothing', why: 'push deleted refs/heads/main: no commits to scan' });
    expect(planTarget('push', { ...push, after: A }, 'auto')).toMatchObject({ kind: 'nothing' });
    expect(planTarget('push', { ...push, before: '0'.repeat(40), created: true, repository: { default_branch: 'main' } }, 'auto')).toMatchObject({
      kind: 'new-branch',
      branch: 'main',
      defaultBranch: 'main',
    });
  });

  test('events without a range scan the tree, unless diff was asked for', () => {
    expect(planTarget('workflow_dispatch', {}, 'auto')).toMatchObject({ kind: 'tree' });
    expect(planTarget('release', {}, 'auto')).toMatchObject({ kind: 'tree' });
    expect(planTarget('schedule', {}, 'history')).toMatchObject({ kind: 'history' });
    expect(() => planTarget('schedule', {}, 'diff')).toThrow(/input "mode": diff needs a pull_request.*this run is a schedule event/);
  });

  test('a payload that is not what GitHub sends names the field', () => {
    expect(() => planTarget('pull_request', { pull_request: { number: 3, base: { sha: 'main' }, head: { sha: B } } }, 'auto')).toThrow(
      /pull_request event payload .*pull_request\.base\.sha: expected a full commit sha/,
    );
    expect(() => planTarget('merge_group', {}, 'auto')).toThrow(/merge_group event payload .*merge_group/);
  });
});

describe('planReview', () => {
  test('a fix on an added line becomes a one-click suggestion on that line', () => {
    const f = finding({ fix: { line: 2, replacement: 'PasswordAuthentication no' } });
    const plan = planReview([f], new Map([['deploy/sshd_config', new Set([2])]]));
    expect(plan.comments.map((c) => [c.path, c.line])).toEqual([['deploy/sshd_config', 2]]);
    expect(plan.comments[0].body).toContain('```suggestion\nPasswordAuthentication no\n```');
    expect(readMarker(plan.comments[0].body)).toEqual({ fingerprint: f.fingerprint, resolved: false });
  });

  test('a fix on a line the pull request did not add is described, not suggested', () => {
    const f = finding({ line: 3, endLine: 3, fix: { line: 1, replacement: 'PasswordAuthentication no\nPort 22' } });
    const plan = planReview([f], new Map([['deploy/sshd_config', new Set([3])]]));
    expect(plan.comments[0].line).toBe(3);
    expect(plan.comments[0].body).not.toContain('suggestion');
    expect(plan.comments[0].body).toContain('Suggested line 1: `PasswordAuthentication no`');
  });

  test('findings off the added lines, or only in an earlier commit, stay in the summary', () => {
    const unchangedLine = finding({ line: 5, endLine: 5 });
    const otherFile = finding({ path: 'deploy/other_config' });
    const earlierCommit = finding({ commit: 'c'.repeat(40) });
    const plan = planReview([unchangedLine, otherFile, earlierCommit], new Map([['deploy/sshd_config', new Set([2])]]));
    expect(plan.comments).toEqual([]);
    expect(plan.elsewhere).toEqual([unchangedLine, otherFile, earlierCommit]);
  });

  test('a suggestion holding backticks gets a longer fence', () => {
    const f = finding({ fix: { line: 2, replacement: 'echo ```x```' } });
    expect(commentBody(f, true)).toContain('````suggestion\necho ```x```\n````');
  });

  test('text from the scanned file cannot inject HTML into the review comment', () => {
    const f = finding({ message: 'sslmode is <img src=x onerror=alert(1)> here.', remediation: 'Use <b>require</b>.' });
    const body = commentBody(f, false);
    expect(body).not.toMatch(/<img|<b>/);
    expect(body).toContain('sslmode is &lt;img src=x onerror=alert(1)&gt; here.');
    expect(body).toContain('Use &lt;b&gt;require&lt;/b&gt;.');
  });
});

test('markdown cells cannot be broken by pipes, HTML or backticks', () => {
  expect(text('a | <b> & c\nd')).toBe('a \\| &lt;b&gt; &amp; c<br>d');
  expect(code('x `y` | z')).toBe('``x `y` \\| z``');
  expect(code('`a')).toBe('`` `a ``');
  expect(fenced('', 'plain')).toBe('```\nplain\n```');
});
