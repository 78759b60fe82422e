import micromatch from 'micromatch';
import type { ConfigContext } from '../rule.js';
import { parseSshdLines, type Directive, type ParseProblem } from './parse.js';

const MAX_DEPTH = 16;

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
  const problems: ParseProblem[] = [];
  const directives = expand(path, text, ctx, [path], problems, undefined);
  return { directives, problems };
}

function expand(
  path: string,
  text: string,
  ctx: ConfigContext,
  stack: string[],
  problems: ParseProblem[],
  inherited: Directive['match'],
): Directive[] {
  const parsed = parseSshdLines(path, text, inherited);
  problems.push(...parsed.problems);
  const out: Directive[] = [];
  for (const d of parsed.directives) {
    out.push(d);
    if (d.keyword !== 'include') continue;
    for (const target of resolveInclude(stack[0], d.args, ctx)) {
      if (stack.includes(target)) {
        problems.push({ file: d.file, line: d.line, message: `Include loop: ${[...stack, target].join(' -> ')}` });
        continue;
      }
      if (stack.length >= MAX_DEPTH) {
        problems.push({ file: d.file, line: d.line, message: `Include nested more than ${MAX_DEPTH} deep` });
        continue;
      }
      const body = ctx.read(target);
      if (body === undefined) {
        problems.push({ file: d.file, line: d.line, message: `cannot read included file ${target}` });
        continue;
      }
      out.push(...expand(target, body, ctx, [...stack, target], problems, d.match));
    }
  }
  return out;
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
    // `Include /` or an empty pattern names no file (and micromatch refuses an empty glob).
    if (!rel || rel.endsWith('/')) continue;
    // sshd expands the glob and reads the matches in lexical order. A pattern micromatch cannot
    // compile (a hostile one: 20,000 `[a`) matches nothing here, as glob(3) would find nothing.
    for (const path of globMatches(ctx.paths(), rel)) found.push(path);
  }
  return found;
}

function globMatches(paths: readonly string[], pattern: string): string[] {
  try {
    return micromatch(paths as string[], pattern, { dot: true }).sort();
  } catch {
    return [];
  }
}
