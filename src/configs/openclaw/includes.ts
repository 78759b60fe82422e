import { posix } from 'node:path';
import type { ConfigContext } from '../rule.js';
import { readJson5, type Member, type Place, type Value } from './json5.js';
import { hasEnvReference, memberOf } from './model.js';

/**
 * `$include` resolved with the program's rules (OC:src/config/includes.ts): a string or an
 * array of paths relative to the including file; one file replaces the object holding it, an
 * array deep-merges in order, sibling keys override; arrays concatenate on merge. At most 10
 * levels, a file already on the chain is a cycle, and a path outside the top-level config's
 * directory is refused. Each such refusal is one problem at the `$include` that caused it and
 * that branch is left empty, so a loop ends and the rest of the config is still judged.
 */

export const MAX_INCLUDE_DEPTH = 10;
const INCLUDE_KEY = '$include';

export interface IncludeProblem {
  at: Place;
  message: string;
  key: string;
}

export interface ParseProblem {
  path: string;
  line: number;
  column: number;
  message: string;
}

export interface ResolvedConfig {
  root: string;
  /** The merged config; undefined when the top-level file does not parse. */
  value: Value | undefined;
  /** Every file read for it, the top-level one first. */
  files: string[];
  includeProblems: IncludeProblem[];
  parseProblems: ParseProblem[];
  /** Some include could not be read here (not committed, absolute, templated): keys may be set there. */
  incomplete: boolean;
}

export function resolveConfig(rootPath: string, ctx: ConfigContext): ResolvedConfig {
  const r: ResolvedConfig = { root: rootPath, value: undefined, files: [rootPath], includeProblems: [], parseProblems: [], incomplete: false };
  const text = ctx.read(rootPath);
  if (text === undefined) return r;
  const parsed = readJson5(rootPath, text);
  if (!parsed.ok) {
    r.parseProblems.push({ path: rootPath, line: parsed.line, column: parsed.column, message: parsed.message });
    return r;
  }
  const rootDir = posix.dirname(rootPath);
  r.value = new Resolver(r, ctx, rootDir).process(parsed.value, [rootPath]);
  return r;
}

class Resolver {
  constructor(
    private readonly r: ResolvedConfig,
    private readonly ctx: ConfigContext,
    private readonly rootDir: string,
  ) {}

  /** `chain` is the include path from the top-level file to the file `v` is in. */
  process(v: Value, chain: string[]): Value {
    if (v.kind === 'array') return { ...v, items: v.items.map((i) => this.process(i, chain)) };
    if (v.kind !== 'object') return v;
    const include = memberOf(v, INCLUDE_KEY);
    const rest: Member[] = v.members.filter((m) => m.key !== INCLUDE_KEY).map((m) => ({ ...m, value: this.process(m.value, chain) }));
    if (!include) return { ...v, members: rest };
    const included = this.includeValue(include, chain);
    if (!rest.length) return included ?? { kind: 'object', at: v.at, members: [] };
    if (included && included.kind !== 'object') {
      this.problem(include.value.at, 'sibling keys need the included content to be an object', 'siblings');
      return { ...v, members: rest };
    }
    return deepMerge(included ?? { kind: 'object', at: v.at, members: [] }, { ...v, members: rest });
  }

  private includeValue(include: Member, chain: string[]): Value | undefined {
    const v = include.value;
    if (v.kind === 'string') return this.load(v.value, v.at, chain);
    if (v.kind === 'array') {
      let merged: Value | undefined;
      for (const item of v.items) {
        if (item.kind !== 'string') {
          this.problem(item.at, `$include array item is a ${item.kind}, not a path`, 'item');
          continue;
        }
        const loaded = this.load(item.value, item.at, chain);
        if (loaded) merged = merged ? deepMerge(merged, loaded) : loaded;
      }
      return merged;
    }
    this.problem(v.at, `$include is a ${v.kind}; it takes a path or an array of paths`, 'value');
    return undefined;
  }

  private load(includePath: string, at: Place, chain: string[]): Value | undefined {
    // A templated or absolute path names a file on the host, not in this repository.
    if (hasEnvReference(includePath) || posix.isAbsolute(includePath) || /^[A-Za-z]:[\\/]/.test(includePath)) {
      this.r.incomplete = true;
      return undefined;
    }
    const from = chain[chain.length - 1];
    const target = posix.normalize(posix.join(posix.dirname(from), includePath));
    if (!isInside(this.rootDir, target)) {
      this.problem(at, `$include "${includePath}" escapes the config directory ${this.rootDir === '.' ? 'of the repository root' : this.rootDir}; OpenClaw refuses to load it`, `escape ${includePath}`);
      return undefined;
    }
    if (chain.includes(target)) {
      this.problem(at, `$include "${includePath}" is circular (${[...chain, target].join(' -> ')}); OpenClaw refuses to load the config`, `cycle ${[...chain, target].join(' ')}`);
      return undefined;
    }
    if (chain.length > MAX_INCLUDE_DEPTH) {
      this.problem(at, `$include "${includePath}" is nested deeper than ${MAX_INCLUDE_DEPTH} levels; OpenClaw refuses to load the config`, `depth ${includePath}`);
      return undefined;
    }
    const text = this.ctx.read(target);
    if (text === undefined) {
      // Often deliberate: the included secrets file is kept out of git.
      this.r.incomplete = true;
      return undefined;
    }
    if (!this.r.files.includes(target)) this.r.files.push(target);
    const parsed = readJson5(target, text);
    if (!parsed.ok) {
      if (!this.r.parseProblems.some((p) => p.path === target)) this.r.parseProblems.push({ path: target, line: parsed.line, column: parsed.column, message: parsed.message });
      this.r.incomplete = true;
      return undefined;
    }
    return this.process(parsed.value, [...chain, target]);
  }

  private problem(at: Place, message: string, key: string): void {
    if (!this.r.includeProblems.some((p) => p.key === key && p.at.path === at.path && p.at.line === at.line)) this.r.includeProblems.push({ at, message, key });
  }
}

function isInside(dir: string, target: string): boolean {
  if (target === '..' || target.startsWith('../')) return false;
  return dir === '.' || target === dir || target.startsWith(`${dir}/`);
}

/** The program's merge: objects recursively, arrays concatenated, anything else the later one wins. */
export function deepMerge(target: Value, source: Value): Value {
  if (target.kind === 'array' && source.kind === 'array') return { ...source, items: [...target.items, ...source.items] };
  if (target.kind === 'object' && source.kind === 'object') {
    const members: Member[] = target.members.map((m) => ({ ...m }));
    for (const s of source.members) {
      if (s.key === '__proto__' || s.key === 'constructor' || s.key === 'prototype') continue;
      const i = members.map((m) => m.key).lastIndexOf(s.key);
      if (i >= 0) members[i] = { ...s, value: deepMerge(members[i].value, s.value) };
      else members.push(s);
    }
    return { ...target, members };
  }
  return source;
}
