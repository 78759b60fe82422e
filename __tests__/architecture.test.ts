import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * The layout is the architecture (docs/architecture.md): each stage folder may import only the
 * folders listed here. A forbidden import fails with the file and the line that made it.
 */
const MAY_IMPORT: Record<string, readonly string[]> = {
  model: [],
  sources: ['model'],
  secrets: ['model'],
  // What counts as a placeholder value is shared by both detectors; nothing else of secrets/ is.
  configs: ['model', 'secrets/placeholder.ts'],
  // Custom rules in .moltguard.yml are validated with the secret rules' own schema and guard.
  policy: ['model', 'secrets'],
  report: ['model'],
  pipeline: ['model', 'sources', 'secrets', 'configs', 'policy'],
  action: ['model', 'sources', 'report'],
  // The organisation commands talk to GitHub from any machine: Octokit, never @actions/*.
  org: ['model'],
};
/** The edges (cli.ts, action.ts and their main-*.ts) wire everything together. */
const EDGE = '(entry)';

const root = resolve('src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((e) => {
    const p = join(dir, e);
    return statSync(p).isDirectory() ? sourceFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

function stageOf(file: string): string {
  const parts = relative(root, file).split('/');
  return parts.length === 1 ? EDGE : parts[0];
}

interface Edge {
  from: string;
  to: string;
  line: number;
}

function imports(): Edge[] {
  return sourceFiles(root).flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((text, i) => {
        const m = /^\s*(?:import|export)\b[^'"]*?from\s+'(\.[^']+)'|^\s*import\s+'(\.[^']+)'/.exec(text);
        const spec = m?.[1] ?? m?.[2];
        return spec ? [{ from: file, to: resolve(dirname(file), spec.replace(/\.js$/, '.ts')), line: i + 1 }] : [];
      }),
  );
}

const allowed = (e: Edge): boolean => {
  const from = stageOf(e.from);
  const to = stageOf(e.to);
  if (from === EDGE || from === to) return true;
  const rel = relative(root, e.to);
  return (MAY_IMPORT[from] ?? []).some((a) => a === to || a === rel);
};

test('every stage folder is known to the import table', () => {
  const stages = new Set(sourceFiles(root).map(stageOf));
  stages.delete(EDGE);
  expect([...stages].sort()).toEqual(Object.keys(MAY_IMPORT).sort());
});

test('no stage imports a folder it may not (sources and detectors never import the pipeline, a reporter or each other)', () => {
  const wrong = imports()
    .filter((e) => !allowed(e))
    .map((e) => `${relative(root, e.from)}:${e.line} imports ${relative(root, e.to)}`);
  expect(wrong).toEqual([]);
});

test('the folders import one another without cycles', () => {
  const graph = new Map<string, Set<string>>();
  for (const e of imports()) {
    const [a, b] = [stageOf(e.from), stageOf(e.to)];
    if (a !== b && a !== EDGE) graph.set(a, (graph.get(a) ?? new Set()).add(b));
  }
  const cycles: string[] = [];
  const visit = (node: string, path: string[]) => {
    if (path.includes(node)) return void cycles.push([...path.slice(path.indexOf(node)), node].join(' -> '));
    for (const next of graph.get(node) ?? []) visit(next, [...path, node]);
  };
  for (const node of graph.keys()) visit(node, []);
  expect(cycles).toEqual([]);
});

test('the checker sees a forbidden import (it would not pass on the old layout)', () => {
  const sourcesToPipeline = { from: join(root, 'sources/tree.ts'), to: join(root, 'pipeline/scan.ts'), line: 1 };
  const configsToEngine = { from: join(root, 'configs/sshd/check.ts'), to: join(root, 'secrets/engine.ts'), line: 1 };
  const reportToPipeline = { from: join(root, 'report/json.ts'), to: join(root, 'pipeline/scan.ts'), line: 1 };
  expect([sourcesToPipeline, configsToEngine, reportToPipeline].map(allowed)).toEqual([false, false, false]);
  expect(allowed({ from: join(root, 'configs/dburl/hosts.ts'), to: join(root, 'secrets/placeholder.ts'), line: 1 })).toBe(true);
});
