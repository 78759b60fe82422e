import { parseTOML, type AST } from 'toml-eslint-parser';
import type { Member, Place, Value } from './tree.js';
import { trimTrailing } from '../../model/trim.js';

/**
 * TOML (Codex's `config.toml`) read by toml-eslint-parser, the parser behind eslint-plugin-toml:
 * it keeps every key and value's line and column, which smol-toml and @iarna/toml drop. Its
 * tables, dotted keys, inline tables and `[[array]]` tables are folded into the shared tree, so
 * `[mcp_servers.gh.env]` and `mcp_servers.gh.env = { … }` read the same.
 */

export type TomlResult = { ok: true; value: Value } | { ok: false; line: number; column: number; message: string };

type Mutable = Extract<Value, { kind: 'object' }>;

export function readToml(path: string, text: string): TomlResult {
  let program: AST.TOMLProgram;
  try {
    program = parseTOML(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const err = e as { message?: string; lineNumber?: number; column?: number };
    return { ok: false, line: err.lineNumber ?? 1, column: (err.column ?? 0) + 1, message: trimTrailing(String(err.message ?? 'invalid TOML'), '.') };
  }
  const top = program.body[0];
  const root: Mutable = { kind: 'object', at: placeOf(path, top), members: [] };
  for (const item of top.body) {
    if (item.type === 'TOMLKeyValue') {
      assign(path, root, item);
      continue;
    }
    const table = tableAt(path, root, item);
    for (const kv of item.body) assign(path, table, kv);
  }
  return { ok: true, value: root };
}

function placeOf(path: string, node: AST.HasLocs): Place {
  const { start, end } = node.loc;
  // ESLint's columns start at 0; every other reader here, and the findings, count from 1.
  return { path, line: start.line, column: start.column + 1, endLine: end.line, endColumn: end.column + 1 };
}

function keyNames(path: string, key: AST.TOMLKey): { name: string; at: Place }[] {
  return key.keys.map((k) => ({ name: k.type === 'TOMLBare' ? k.name : k.value, at: placeOf(path, k) }));
}

/** The object a `[a.b]` or `[[a.b]]` header opens, creating the tables on the way. */
function tableAt(path: string, root: Mutable, table: AST.TOMLTable): Mutable {
  const at = placeOf(path, table.key);
  let cur: Mutable = root;
  const names = keyNames(path, table.key);
  names.forEach((k, i) => {
    const last = i === names.length - 1;
    let next = child(cur, k.name);
    if (last && table.kind === 'array') {
      // Each [[a.b]] header appends one table to the array a.b.
      if (next?.kind !== 'array') next = put(cur, k.name, at, { kind: 'array', at, items: [] });
      const item: Mutable = { kind: 'object', at, members: [] };
      (next as Extract<Value, { kind: 'array' }>).items.push(item);
      cur = item;
      return;
    }
    if (next?.kind === 'array') next = next.items.at(-1);
    cur = next?.kind === 'object' ? next : (put(cur, k.name, at, { kind: 'object', at, members: [] }) as Mutable);
  });
  return cur;
}

function assign(path: string, into: Mutable, kv: AST.TOMLKeyValue): void {
  const names = keyNames(path, kv.key);
  let cur = into;
  for (const k of names.slice(0, -1)) {
    const next = child(cur, k.name);
    cur = next?.kind === 'object' ? next : (put(cur, k.name, k.at, { kind: 'object', at: placeOf(path, kv), members: [] }) as Mutable);
  }
  const last = names[names.length - 1];
  put(cur, last.name, last.at, convert(path, kv.value));
}

function child(obj: Mutable, key: string): Value | undefined {
  return obj.members.find((m) => m.key === key)?.value;
}

function put(obj: Mutable, key: string, keyAt: Place, value: Value): Value {
  const m: Member = { key, keyAt, value };
  obj.members.push(m);
  return value;
}

function convert(path: string, node: AST.TOMLContentNode): Value {
  const at = placeOf(path, node);
  switch (node.type) {
    case 'TOMLArray':
      return { kind: 'array', at, items: node.elements.map((e) => convert(path, e)) };
    case 'TOMLInlineTable': {
      const obj: Mutable = { kind: 'object', at, members: [] };
      for (const kv of node.body) assign(path, obj, kv);
      return obj;
    }
    default:
      switch (node.kind) {
        case 'string':
          return { kind: 'string', at, value: node.value };
        case 'integer':
        case 'float':
          return { kind: 'number', at, value: node.value };
        case 'boolean':
          return { kind: 'boolean', at, value: node.value };
        default:
          // A date is read as its text: no check here judges one.
          return { kind: 'string', at, value: node.datetime };
      }
  }
}
