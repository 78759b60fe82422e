import { execFileSync } from 'node:child_process';
import { tempRepos, type TempRepo } from './helpers/repo.js';
import { fake } from './helpers/fakes.js';
import { segmentedLog } from '../src/sources/history/commit-log.js';
import { historyCommands, resolveHistory } from '../src/sources/history/range.js';
import { COMMIT_FORMAT } from '../src/sources/history/raw-log.js';
import { scanHistory } from '../src/pipeline/history.js';
import { SecretEngine } from '../src/secrets/engine.js';
import { loadBuiltinRules } from '../src/secrets/builtin.js';
import type { HistoryBudgets } from '../src/sources/history/budgets.js';

const repo = tempRepos();
const engine = new SecretEngine(loadBuiltinRules().rules);

/**
 * A small history shaped like a real one: files edited over and over, a rename, a revert, a
 * vendored copy, an empty commit, a branch merged back, secrets added, moved and removed.
 */
function realisticHistory(): TempRepo {
  const r = repo();
  const lines = (n: number, tag: string) => Array.from({ length: n }, (_, i) => `line ${i} ${tag}`).join('\n') + '\n';
  r.commit('root', { 'app/config.py': lines(40, 'v0'), 'README.md': 'hello\n' });
  for (let v = 1; v <= 12; v++) {
    const body = lines(40, `v${v}`).split('\n');
    if (v === 3) body.splice(5, 0, `TOKEN = "${fake.mbd('edit-three')}"`);
    if (v >= 3 && v < 8) body.splice(20, 0, `TOKEN = "${fake.mbd('edit-three')}"`);
    if (v === 6) body.push(`BOT = "${fake.telegram('six')}"`);
    r.commit(`edit ${v}`, { 'app/config.py': body.join('\n'), [`notes/${v % 3}.txt`]: lines(v, 'n') });
  }
  r.git('mv', 'app/config.py', 'app/settings.py');
  r.commit('rename');
  r.commit('vendor a copy', { 'vendor/lib/keys.env': `K=${fake.openai('vendored')}\n`, 'vendor/lib/again.env': `K=${fake.openai('vendored')}\n` });
  r.commit('nothing');
  r.git('checkout', '-q', '-b', 'side', 'HEAD~3');
  r.commit('side edit', { 'side.env': `S=${fake.mbd('side')}\n`, 'notes/1.txt': lines(41, 'side') });
  r.git('checkout', '-q', 'main');
  r.commit('main edit', { 'app/settings.py': lines(30, 'main') + `X = "${fake.telegram('main')}"\n` });
  r.git('merge', '-q', '--no-edit', 'side');
  r.git('revert', '--no-edit', 'HEAD~1');
  r.commit('re-add', { 'copy/settings.py': lines(30, 'main') + `X = "${fake.telegram('main')}"\n` });
  return r;
}

describe('segmentedLog', () => {
  test("prints, for any segment size, byte for byte what one `git log --raw` prints for the range's commits", async () => {
    const r = realisticHistory();
    const range = await resolveHistory({ root: r.dir });
    const commands = (await historyCommands(r.dir, range))!;
    const flags = ['--raw', '--root', '-z', '--no-abbrev', '--no-renames', '--no-color', COMMIT_FORMAT];
    const expected = execFileSync('git', ['log', '--reverse', '--no-merges', ...flags, range.head], { cwd: r.dir });
    expect(expected.length).toBeGreaterThan(1000);
    for (const segment of [1, 2, 5, 1000]) {
      const chunks: Buffer[] = [];
      for await (const chunk of segmentedLog(r.dir, commands, segment)) chunks.push(chunk);
      expect(Buffer.concat(chunks).equals(expected)).toBe(true);
    }
  });

  test('in chunks of a few first-parent commits: every commit exactly once, each after its ancestors, the same blocks as git log', async () => {
    const r = realisticHistory();
    const range = await resolveHistory({ root: r.dir });
    const commands = (await historyCommands(r.dir, range))!;
    const flags = ['--raw', '--root', '-z', '--no-abbrev', '--no-renames', '--no-color', COMMIT_FORMAT];
    // Each commit's block starts at COMMIT_FORMAT's mark; -z may end the previous one with a NUL.
    const blocks = (b: Buffer) => b.toString('latin1').split('\x01commit ').slice(1).map((x) => x.replace(/\x00?\n?$/, ''));
    const expected = blocks(execFileSync('git', ['log', '--reverse', '--no-merges', ...flags, range.head], { cwd: r.dir }));
    const shaOf = (block: string) => block.slice(0, 40);
    const parents = new Map(r.git('rev-list', '--parents', 'HEAD').trim().split('\n').map((l) => { const [c, ...p] = l.split(' '); return [c, p]; }));
    for (const [chunk, segment] of [[1, 1000], [2, 3], [3, 1], [7, 2]]) {
      const out: Buffer[] = [];
      for await (const c of segmentedLog(r.dir, commands, segment, chunk)) out.push(c);
      const got = blocks(Buffer.concat(out));
      expect([...got].sort()).toEqual([...expected].sort());
      const position = new Map(got.map((b, i) => [shaOf(b), i]));
      // Ancestors first: every listed parent (merges are left out of the log) comes earlier.
      for (const [sha, i] of position) for (const p of parents.get(sha) ?? []) if (position.has(p)) expect(position.get(p)!).toBeLessThan(i);
    }
  });

  test('chunked with a base: only the range, as base..head lists it', async () => {
    const r = realisticHistory();
    const base = r.git('rev-parse', 'HEAD~6').trim();
    const range = await resolveHistory({ root: r.dir, base });
    const commands = (await historyCommands(r.dir, range))!;
    const want = r.git('rev-list', '--no-merges', `${base}..HEAD`).trim().split('\n').sort();
    const out: Buffer[] = [];
    for await (const c of segmentedLog(r.dir, commands, 2, 1)) out.push(c);
    const got = [...Buffer.concat(out).toString('latin1').matchAll(/commit ([0-9a-f]{40})/g)].map((m) => m[1]).sort();
    expect(got).toEqual(want);
  });
});

describe('history budgets', () => {
  const scan = async (dir: string, budgets?: Partial<HistoryBudgets>, concurrency = 1) => {
    const range = await resolveHistory({ root: dir });
    return scanHistory({
      root: dir,
      commands: (await historyCommands(dir, range))!,
      include: () => true,
      maxFileSize: 1 << 20,
      detectors: { secrets: engine, configs: [] },
      concurrency,
      describe: () => '',
      budgets,
    });
  };

  test('tables a few entries big give the same report as the defaults: forgetting costs reads, never findings', async () => {
    const r = realisticHistory();
    const normal = await scan(r.dir);
    expect(normal.findings.map((f) => f.ruleId).sort()).toEqual(['moltbotden-live-api-key', 'moltbotden-live-api-key', 'openai-api-key', 'telegram-bot-token', 'telegram-bot-token']);
    const tiny = { seenSlots: 2, cacheLines: 10, cacheVersions: 1, segmentCommits: 1, chunkCommits: 2 };
    for (const budgets of [tiny, { ...tiny, cacheLines: 0 }, { segmentCommits: 3 }, { chunkCommits: 1 }]) {
      for (const concurrency of [1, 2]) {
        const small = await scan(r.dir, budgets, concurrency);
        expect(small.findings).toEqual(normal.findings);
        expect(small.suppressed).toEqual(normal.suppressed);
        expect(small.stats.commits).toBe(normal.stats.commits);
      }
    }
    // Eight scans, one of them a git process per commit: minutes on a loaded 2-core machine.
  }, 240_000);
});
