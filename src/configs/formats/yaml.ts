import { isAlias, isMap, isScalar, isSeq, LineCounter, parseAllDocuments, visit, type Document, type Node, type Tags } from 'yaml';
import type { Span } from '../rule.js';
import { blankBombs, flowBombs, MAX_FLOW_DEPTH } from './yaml-flow-depth.js';

/**
 * YAML with positions, for the compose, Kubernetes and cloud-init checks. Malformed documents
 * become problems (reported as config-parse-error by the caller), never exceptions; the other
 * documents of a multi-document file are still checked.
 */
export interface YamlFile {
  text: string;
  /** Documents that parsed cleanly. */
  docs: Document.Parsed[];
  /**
   * Documents with errors, as far as the parser recovered them: a check that only looks for
   * what is there (`privileged: true`) still runs on them, so a broken key elsewhere in the
   * file is not a way past it.
   */
  partial: Document.Parsed[];
  lines: LineCounter;
  /** `exhausted`: the parser ran out of stack or depth, so moltguard could not read the file as its program may. */
  problems: Array<{ line: number; column: number; message: string; exhausted?: boolean }>;
}

/**
 * `version` matters: cloud-init (PyYAML) and Kubernetes read YAML 1.1, where `yes`/`on` are
 * booleans; docker compose reads YAML 1.2, where `5432:5432` is a string. `duplicateKeys` is
 * for PyYAML readers, which keep the last of repeated keys where Go readers refuse the file.
 */
export function parseYaml(text: string, version: '1.1' | '1.2', opts: { duplicateKeys?: boolean; customTags?: Tags } = {}): YamlFile {
  const lines = new LineCounter();
  const problems: YamlFile['problems'] = [];
  const docs: Document.Parsed[] = [];
  const partial: Document.Parsed[] = [];
  let parsed: Document.Parsed[];
  const bombs = flowBombs(text);
  const readable = bombs.length ? blankBombs(text, bombs) : text;
  try {
    // Every reader here (go-yaml, PyYAML) honours `<<: *anchor` merge keys.
    parsed = Array.from(parseAllDocuments(readable, { lineCounter: lines, version, prettyErrors: false, uniqueKeys: !opts.duplicateKeys, merge: true, ...(opts.customTags ? { customTags: opts.customTags } : {}) }));
  } catch (e) {
    return { text, docs, partial, lines, problems: [{ line: 1, column: 1, message: `YAML could not be read: ${(e as Error).message}`, exhausted: e instanceof RangeError }] };
  }
  // Positions come from the parse's line counter: the blanked text keeps every newline.
  for (const b of bombs) {
    const at = lines.linePos(b.start);
    problems.push({ line: at.line, column: at.col, message: `invalid YAML: a flow collection nested deeper than ${MAX_FLOW_DEPTH} levels`, exhausted: true });
  }
  for (const doc of parsed) {
    const [error] = doc.errors;
    if (!error) {
      docs.push(doc);
      visit(doc, {
        Alias(_, alias) {
          const target = alias.resolve(doc);
          if (target) aliasTargets.set(alias, target);
          else {
            const at = lines.linePos(alias.range?.[0] ?? 0);
            problems.push({ line: at.line, column: at.col, message: `invalid YAML: alias *${alias.source} has no anchor` });
          }
        },
      });
      continue;
    }
    if (doc.contents) partial.push(doc);
    const exhausted = doc.errors.find((e) => e.code === 'RESOURCE_EXHAUSTION');
    const shown = exhausted ?? error;
    const at = lines.linePos(shown.pos[0]);
    problems.push({ line: at.line, column: at.col, message: `invalid YAML: ${shown.message.split('\n')[0]}`, ...(exhausted ? { exhausted: true } : {}) });
  }
  return { text, docs, partial, lines, problems };
}

/** Where a node starts and ends. */
export function nodeSpan(file: YamlFile, node: Node | null | undefined): Span {
  const [start, end] = node?.range ?? [0, 0];
  const a = file.lines.linePos(start);
  const b = file.lines.linePos(Math.max(start, end));
  return { line: a.line, column: a.col, endLine: b.line, endColumn: b.col };
}

// Where each alias (`*name`) points, filled in at parse time so lookups need no document.
const aliasTargets = new WeakMap<object, Node>();

/** The node an alias stands for; any other node as is. */
export function deref(node: unknown): unknown {
  return isAlias(node) ? aliasTargets.get(node) : node;
}

export interface MapEntry {
  key: string;
  keyNode: Node;
  value: Node | null;
}

/**
 * A mapping's entries with scalar keys, in order, aliases resolved and `<<` merges expanded
 * ahead of the mapping's own keys (which win, being later); empty for anything else.
 */
export function mapEntries(node: unknown, depth = 0): MapEntry[] {
  const map = deref(node);
  if (!isMap(map) || depth > 8) return [];
  const out: MapEntry[] = [];
  const own: MapEntry[] = [];
  for (const pair of map.items) {
    if (!isScalar(pair.key)) continue;
    if (typeof pair.key.value === 'symbol' || pair.key.value === '<<') {
      for (const source of isSeq(deref(pair.value)) ? seqItems(pair.value) : [pair.value]) out.push(...mapEntries(source, depth + 1));
      continue;
    }
    own.push({ key: String(pair.key.value), keyNode: pair.key, value: (deref(pair.value) as Node | undefined) ?? null });
  }
  return [...out, ...own];
}

/** The entry for `key` (the last one, as most YAML readers keep). */
export function entry(node: unknown, key: string): MapEntry | undefined {
  return mapEntries(node)
    .filter((e) => e.key === key)
    .pop();
}

/** Items of a sequence; empty for anything else. */
export function seqItems(node: unknown): Node[] {
  const seq = deref(node);
  return isSeq(seq) ? (seq.items as Node[]).map((n) => (deref(n) as Node | undefined) ?? n) : [];
}

/** A scalar's value as text (`5432`, `true`, `root`); undefined for collections and null. */
export function scalarText(node: unknown): string | undefined {
  const scalar = deref(node);
  if (!isScalar(scalar) || scalar.value === null || scalar.value === undefined) return undefined;
  return String(scalar.value);
}

/** True for YAML true and for the strings programs read as true. */
export function isTruthy(node: unknown): boolean {
  const v = scalarText(node)?.toLowerCase();
  return v === 'true' || v === 'yes' || v === 'on' || v === '1';
}

/** True for YAML false and the strings programs read as false. */
export function isFalsy(node: unknown): boolean {
  const v = scalarText(node)?.toLowerCase();
  return v === 'false' || v === 'no' || v === 'off' || v === '0';
}

/** The raw source of a node, to search inside block scalars with exact offsets. */
export function sourceOf(file: YamlFile, node: Node): { text: string; offset: number } {
  const [start, end] = node.range ?? [0, 0];
  return { text: file.text.slice(start, end), offset: start };
}

/** The 1-based line and column of an offset. */
export function position(file: YamlFile, offset: number): { line: number; column: number } {
  const p = file.lines.linePos(offset);
  return { line: p.line, column: p.col };
}
