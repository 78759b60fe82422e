import { cli, tempRepos } from '../helpers/repo.js';
import { fake } from '../helpers/fakes.js';

const repo = tempRepos();

/** UTF-16 with a byte order mark, as Windows editors and PowerShell write it. */
function utf16(text: string, order: 'le' | 'be'): Buffer {
  const le = Buffer.from(`\ufeff${text}`, 'utf16le');
  return order === 'le' ? le : Buffer.from(le).swap16();
}

async function found(...argv: string[]): Promise<string[]> {
  const run = await cli(...argv, '--format', 'json');
  if (run.code === 2) throw new Error(run.stderr);
  const report = JSON.parse(run.stdout);
  expect(run.stdout).not.toContain(fake.mbd('wide-le'));
  return report.findings.map((f: { ruleId: string; path: string; line: number }) => `${f.ruleId}@${f.path}:${f.line}`).sort();
}

const le = () => utf16(`# settings\r\nK=${fake.mbd('wide-le')}\r\n`, 'le');
const be = () => utf16(`# settings\nK=${fake.mbd('wide-be')}\n`, 'be');
const expected = ['moltbotden-live-api-key@be.env:2', 'moltbotden-live-api-key@le.env:2'];

describe('UTF-16 files with a BOM are decoded and scanned, not skipped as binary', () => {
  test('tree, outside git and in it', async () => {
    const plain = repo(false);
    plain.write('le.env', le()).write('be.env', be());
    expect(await found('scan', plain.dir)).toEqual(expected);
    const git = repo();
    git.write('le.env', le()).write('be.env', be()).commit('add');
    expect(await found('scan', git.dir)).toEqual(expected);
  });

  test('diff: an added file, and a modified one reports only its new lines', async () => {
    const r = repo();
    const base = r.commit('base', { 'README.md': 'hi\n' });
    r.write('le.env', le()).write('be.env', be());
    const head = r.commit('add');
    expect(await found('scan', r.dir, '--mode', 'diff', '--base', base, '--head', head)).toEqual(expected);
    r.write('le.env', Buffer.concat([le(), Buffer.from(`T=${fake.telegram('wide')}\r\n`, 'utf16le')]));
    const edit = r.commit('edit');
    expect(await found('scan', r.dir, '--mode', 'diff', '--base', head, '--head', edit)).toEqual(['telegram-bot-token@le.env:3']);
  });

  test('staged', async () => {
    const r = repo();
    r.commit('base', { 'README.md': 'hi\n' });
    r.write('le.env', le()).write('be.env', be());
    r.git('add', '-A');
    expect(await found('scan', r.dir, '--mode', 'staged')).toEqual(expected);
  });

  test('history', async () => {
    const r = repo();
    r.commit('add', { 'README.md': 'hi\n' });
    r.write('le.env', le()).write('be.env', be()).commit('secrets');
    r.git('rm', '-q', 'le.env', 'be.env');
    r.commit('remove');
    expect(await found('scan', r.dir, '--mode', 'history')).toEqual(expected);
  });

  test('UTF-32 and bare NULs are still binary', async () => {
    const r = repo(false);
    r.write('a.bin', Buffer.from([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0])).write('b.bin', Buffer.from([0x41, 0, 0x42]));
    const run = await cli('scan', r.dir, '--format', 'json');
    expect(JSON.parse(run.stdout).stats.skipped.map((s: { reason: string }) => s.reason)).toEqual(['binary', 'binary']);
  });
});
