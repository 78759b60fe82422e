import { baseName, type ConfigContext } from '../rule.js';
import { parseBoolean, parseUnit, type UnitEntry, type UnitFile } from './parse.js';

/**
 * A unit as systemd loads it: the base file, then every `<unit>.d/*.conf` drop-in in
 * file-name order, each later assignment overriding or extending the earlier ones.
 */
export interface MergedUnit {
  /** The unit's file name (`agent.service`). */
  name: string;
  /** Undefined when only drop-ins for the unit are committed. */
  base?: UnitFile;
  dropIns: UnitFile[];
  /** Every assignment of base and drop-ins, in the order systemd applies them. */
  entries: UnitEntry[];
}

const DROP_IN = /(?:^|\/)([^/]+\.service)\.d\/[^/]+\.conf$/;

/** `agent.service` for both `x/agent.service` and `x/agent.service.d/10-user.conf`. */
export function unitNameOf(path: string): string | undefined {
  const m = DROP_IN.exec(path);
  if (m) return m[1];
  const name = baseName(path);
  return name.endsWith('.service') ? name : undefined;
}

const unitsCache = new WeakMap<ConfigContext, { path: string; unit: MergedUnit }[]>();

/**
 * Every committed service unit, merged with its drop-ins: loaded once per scan (the context is
 * the scan's) for the checks that ask about all of them (env files they load, who they run as).
 */
export function committedUnits(ctx: ConfigContext): { path: string; unit: MergedUnit }[] {
  const cached = unitsCache.get(ctx);
  if (cached) return cached;
  const units: { path: string; unit: MergedUnit }[] = [];
  for (const path of ctx.paths()) {
    if (!path.endsWith('.service') || isDropIn(path)) continue;
    const text = ctx.read(path);
    const unit = text === undefined ? undefined : loadUnit(path, text, ctx);
    if (unit) units.push({ path, unit });
  }
  unitsCache.set(ctx, units);
  return units;
}

export function isDropIn(path: string): boolean {
  return DROP_IN.test(path);
}

/** A scan's service units by name: the copies of the base file and every drop-in, listed once. */
interface UnitPaths {
  bases: string[];
  dropIns: string[];
}

/** Per scan: where each unit's files are, each file parsed once, each merged unit built once. */
interface UnitsOfScan {
  byName: Map<string, UnitPaths>;
  parsed: Map<string, { text: string; file: UnitFile }>;
  /** By unit name and base path, with the paths it was read from. */
  merged: Map<string, { unit: MergedUnit; files: Set<string> }>;
}

const scans = new WeakMap<ConfigContext, UnitsOfScan>();

// Each drop-in's check loads its unit: filtering every path and parsing every drop-in again per
// drop-in made one unit with 2,000 drop-ins take 63 s.
function unitsOfScan(ctx: ConfigContext): UnitsOfScan {
  let units = scans.get(ctx);
  if (units) return units;
  const byName = new Map<string, UnitPaths>();
  const of = (name: string) => {
    let entry = byName.get(name);
    if (!entry) byName.set(name, (entry = { bases: [], dropIns: [] }));
    return entry;
  };
  for (const p of ctx.paths()) {
    const dropIn = DROP_IN.exec(p)?.[1];
    if (dropIn) of(dropIn).dropIns.push(p);
    else if (p.endsWith('.service')) of(baseName(p)).bases.push(p);
  }
  scans.set(ctx, (units = { byName, parsed: new Map(), merged: new Map() }));
  return units;
}

/**
 * Loads the unit that `path` (a base unit or one of its drop-ins) belongs to. When several
 * copies of the unit are committed (a monorepo), only the drop-ins beside this copy count.
 */
export function loadUnit(path: string, text: string, ctx: ConfigContext): MergedUnit | undefined {
  const name = unitNameOf(path);
  if (!name) return undefined;
  const units = unitsOfScan(ctx);
  const { bases, dropIns } = units.byName.get(name) ?? { bases: [], dropIns: [] };
  const dir = (p: string) => (p.includes('/') ? p.slice(0, p.lastIndexOf('/') + 1) : '');
  let basePath: string | undefined;
  if (isDropIn(path)) {
    const beside = dir(dir(path).slice(0, -1));
    basePath = bases.find((p) => dir(p) === beside) ?? (bases.length === 1 ? bases[0] : undefined);
  } else {
    basePath = path;
  }
  const parse = (p: string, body: string) => {
    const known = units.parsed.get(p);
    if (known?.text === body) return known.file;
    const file = parseUnit(p, body);
    units.parsed.set(p, { text: body, file });
    return file;
  };
  const key = `${name}\0${basePath ?? ''}`;
  const cached = units.merged.get(key);
  // The cached unit holds the scan's version of this file; a template judged under its
  // rendered name (a path outside the scan's list) brings its own text.
  if (cached?.files.has(path) && units.parsed.get(path)?.text === text) return cached.unit;
  const dropInDir = `${name}.d/`;
  const dropInPaths = dropIns
    .filter((p) => bases.length <= 1 || !basePath || dir(p) === `${dir(basePath)}${dropInDir}`)
    .sort((a, b) => cmp(baseName(a), baseName(b)) || cmp(a, b));
  const listed = path === basePath ? bases.includes(path) : dropInPaths.includes(path);
  if (isDropIn(path) && !listed) dropInPaths.push(path);
  const read = (p: string) => (p === path ? text : ctx.read(p));
  const baseText = basePath ? read(basePath) : undefined;
  const base = basePath && baseText !== undefined ? parse(basePath, baseText) : undefined;
  const files = dropInPaths.flatMap((p) => {
    const body = read(p);
    return body === undefined ? [] : [parse(p, body)];
  });
  const entries = [...(base?.entries ?? []), ...files.flatMap((d) => d.entries)];
  const unit = { name, base, dropIns: files, entries };
  if (listed) units.merged.set(key, { unit, files: new Set([...(basePath ? [basePath] : []), ...dropInPaths]) });
  return unit;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Answers about a merged unit's entries, kept per entries list: every drop-in's check asks the
 * same questions of its unit (who it runs as, which env files it loads), and answering each
 * again was drop-ins x entries.
 */
const answers = new WeakMap<readonly UnitEntry[], Map<string, unknown>>();

function remembered<T>(entries: readonly UnitEntry[], question: string, answer: () => T): T {
  let known = answers.get(entries);
  if (!known) answers.set(entries, (known = new Map()));
  if (!known.has(question)) known.set(question, answer());
  return known.get(question) as T;
}

/** The assignment that decides a single-valued key: the last one; undefined when never set. */
export function lastEntry(entries: readonly UnitEntry[], section: string, key: string): UnitEntry | undefined {
  return remembered(entries, `last ${section} ${key}`, () => findLast(entries, section, key));
}

function findLast(entries: readonly UnitEntry[], section: string, key: string): UnitEntry | undefined {
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i];
    if (e.section === section && e.key === key) return e;
  }
  return undefined;
}

/** A list-valued key's effective assignments: each adds, an empty one clears what came before. */
export function effectiveList(entries: readonly UnitEntry[], section: string, key: string): UnitEntry[] {
  return remembered(entries, `list ${section} ${key}`, () => collectList(entries, section, key));
}

function collectList(entries: readonly UnitEntry[], section: string, key: string): UnitEntry[] {
  let out: UnitEntry[] = [];
  for (const e of entries) {
    if (e.section !== section || e.key !== key) continue;
    if (e.value.trim() === '') out = [];
    else out.push(e);
  }
  return out;
}

export interface ServiceUser {
  /** True when the service runs as root. */
  root: boolean;
  /** The assignment that decided it (`User=` or `DynamicUser=`); undefined when neither is set. */
  decidedBy?: UnitEntry;
  /** The user name, or `root` when the default applies. */
  user: string;
}

const ROOT = /^(root|0)$/;

/**
 * Who the service runs as. systemd's `User=` defaults to root; an empty `User=` resets it to
 * that default; `DynamicUser=yes` allocates an unprivileged user unless `User=` names root.
 */
export function serviceUser(entries: readonly UnitEntry[]): ServiceUser {
  return remembered(entries, 'user', () => decideUser(entries));
}

function decideUser(entries: readonly UnitEntry[]): ServiceUser {
  const user = lastEntry(entries, 'Service', 'User');
  const dynamic = lastEntry(entries, 'Service', 'DynamicUser');
  const dynamicOn = dynamic ? parseBoolean(dynamic.value) === true : false;
  const name = user?.value.trim() ?? '';
  const later = [user, dynamic].filter((e): e is UnitEntry => e !== undefined).sort((a, b) => entries.indexOf(a) - entries.indexOf(b)).pop();
  if (ROOT.test(name)) return { root: true, decidedBy: user, user: name };
  if (name !== '') return { root: false, decidedBy: user, user: name };
  if (dynamicOn) return { root: false, decidedBy: dynamic, user: '(dynamic)' };
  return { root: true, decidedBy: later, user: 'root' };
}
