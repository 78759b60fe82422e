import type { ConfigContext } from '../rule.js';
import { globMatches } from './glob.js';
import { parseSshdLines, type Directive, type ParseProblem } from './parse.js';

const MAX_DEPTH = 16;
/**
 * A pull request chooses what an Include pulls in: one included file of 200,000 directives, a
 * fan-out of 3-4 includes over 16 levels, or a mesh of drop-ins that each include the whole
 * folder crashed or exhausted the scan. One expansion reads at most this much; past it, one
 * parse problem says so and the checks judge what was read.
 */
export const INCLUDE_BUDGET = { files: 1000, directives: 100_000, includes: 2000 };

interface Expansion {
  ctx: ConfigContext;
  main: string;
  problems: ParseProblem[];
  /** Files already expanded, with the Match blocks they were expanded under. */
  expanded: Map<string, Set<Directive['match']>>;
  /** Include arguments already resolved, to the files they name. */
  globs: Map<string, string[]>;
  files: number;
  directives: number;
  includes: number;
  /** The main file's Include line that the current expansion came from, for the budget's problem. */
  from: number;
  overBudget: boolean;
}

/**
 * The file's directives with every `Include` expanded in place, as sshd sees them. Included
 * files are looked up in the repository: an absolute `/etc/ssh/...` path is taken relative to
 * the tree the file sits in (`rootfs/etc/ssh/sshd_config` -> `rootfs/`), otherwise relative to
 * the file's own folder, the way sshd resolves relative paths against /etc/ssh.
 */
export function expandIncludes(
  path: string,
  text: string,
  ctx: ConfigContext,
): { directives: Directive[]; problems: ParseProblem[] } {
  const state: Expansion = { ctx, main: path, problems: [], expanded: new Map(), globs: new Map(), files: 0, directives: 0, includes: 0, from: 1, overBudget: false };
  const directives: Directive[] = [];
  expand(path, text, [path], undefined, state, directives);
  return { directives, problems: state.problems };
}

/** Appends the directives of `path` (its includes expanded) to `out`: never spread, a file may hold 200,000. */
function expand(path: string, text: string, stack: string[], inherited: Directive['match'], state: Expansion, out: Directive[]): void {
  const parsed = parseSshdLines(path, text, inherited);
  for (const p of parsed.problems) state.problems.push(p);
  const main = stack.length === 1;
  for (const d of parsed.directives) {
    // The main file is read whole (it is under the size limit); what it includes, within budget.
    if (!main && !spend(state, 'directives', 1)) return;
    out.push(d);
    if (d.keyword !== 'include' || state.overBudget) continue;
    if (main) state.from = d.line;
    if (!spend(state, 'includes', 1)) continue;
    for (const target of targetsOf(d, state)) {
      // Every file an Include names counts, looped or repeated: a mesh of drop-ins that each
      // include the whole folder names folder x folder files.
      if (!spend(state, 'files', 1)) break;
      if (stack.includes(target)) {
        state.problems.push({ file: d.file, line: d.line, message: `Include loop: ${[...stack, target].join(' -> ')}` });
        continue;
      }
      if (stack.length >= MAX_DEPTH) {
        state.problems.push({ file: d.file, line: d.line, message: `Include nested more than ${MAX_DEPTH} deep` });
        continue;
      }
      // sshd takes the first value of a keyword: a file included again under the same Match
      // adds only values that never win, so it is expanded once.
      const seen = state.expanded.get(target) ?? new Set();
      if (seen.has(d.match)) continue;
      seen.add(d.match);
      state.expanded.set(target, seen);
      const body = state.ctx.read(target);
      if (body === undefined) {
        state.problems.push({ file: d.file, line: d.line, message: `cannot read included file ${target}` });
        continue;
      }
      expand(target, body, [...stack, target], d.match, state, out);
      if (state.overBudget) break;
    }
  }
}

/** The same Include line repeated costs one glob over the scan's paths, not one each. */
function targetsOf(d: Directive, state: Expansion): string[] {
  const key = d.args.join('\0');
  let targets = state.globs.get(key);
  if (!targets) state.globs.set(key, (targets = resolveInclude(state.main, d.args, state.ctx)));
  return targets;
}

/** Takes from the expansion's budget; the first time it runs out, one problem on the main file's Include line. */
function spend(state: Expansion, what: 'files' | 'directives' | 'includes', n: number): boolean {
  if (state.overBudget) return false;
  state[what] += n;
  if (state[what] <= INCLUDE_BUDGET[what]) return true;
  state.overBudget = true;
  state.problems.push({
    file: state.main,
    line: state.from,
    message: `Include expands to more than ${INCLUDE_BUDGET[what]} ${what === 'includes' ? 'Include lines' : what === 'files' ? 'files named by Include' : 'directives'}; the rest is not read, and the checks judge what was`,
  });
  return false;
}

export function resolveInclude(mainPath: string, patterns: string[], ctx: ConfigContext): string[] {
  const dir = mainPath.includes('/') ? mainPath.slice(0, mainPath.lastIndexOf('/') + 1) : '';
  const treeRoot = /(^|\/)etc\/ssh\/[^/]+$/.test(mainPath) ? mainPath.replace(/etc\/ssh\/[^/]+$/, '') : undefined;
  const found: string[] = [];
  for (const pattern of patterns) {
    let rel: string;
    if (pattern.startsWith('/')) {
      if (treeRoot !== undefined) rel = treeRoot + pattern.slice(1);
      else if (pattern.startsWith('/etc/ssh/')) rel = dir + pattern.slice('/etc/ssh/'.length);
      else continue;
    } else rel = dir + pattern;
    // `Include /` or an empty pattern names no file.
    if (!rel || rel.endsWith('/')) continue;
    // sshd expands the glob and reads the matches in lexical order.
    for (const path of globMatches(ctx.paths(), rel)) found.push(path);
  }
  return found;
}
