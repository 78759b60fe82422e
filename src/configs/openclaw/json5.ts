import { parse, type AnyNode } from '@humanwhocodes/momoa';
import type { Place, Value } from '../formats/tree.js';
import { trimTrailing } from '../../model/trim.js';

/**
 * OpenClaw reads its config with JSON5 (comments, trailing commas, unquoted keys, single
 * quotes). This is that format read by a real JSON5 parser (momoa, the one ESLint's JSON
 * support uses), turned into the shared tree of `formats/tree.ts`: after `$include` merging a value
 * may sit in another file than its parent, so every place names its file.
 */

/** The parser's message without its ` (line:column)` tail: positions are reported apart. */
function withoutPosition(message: string): string {
  const m = message.trimEnd();
  const open = m.lastIndexOf('(');
  return open >= 0 && /^\(\d+:\d+\)$/.test(m.slice(open)) ? m.slice(0, open).trimEnd() : m;
}

export type { Member, Place, Value } from '../formats/tree.js';

export type Json5Result = { ok: true; value: Value } | { ok: false; line: number; column: number; message: string };

/** Parses one JSON5 document; a syntax error comes back with its line and column, never thrown. */
export function readJson5(path: string, text: string): Json5Result {
  let doc;
  try {
    // A BOM is not JSON5 whitespace, but the program's readFile + JSON5.parse accepts one.
    doc = parse(text.replace(/^\uFEFF/, ''), { mode: 'json5', allowTrailingCommas: true });
  } catch (e) {
    const err = e as { message?: string; line?: number; column?: number };
    const message = trimTrailing(withoutPosition(String(err.message ?? 'invalid JSON5')), '.');
    return { ok: false, line: err.line ?? 1, column: err.column ?? 1, message };
  }
  return { ok: true, value: convert(path, doc.body as AnyNode) };
}

function placeOf(path: string, node: { loc: { start: { line: number; column: number }; end: { line: number; column: number } } }): Place {
  return { path, line: node.loc.start.line, column: node.loc.start.column, endLine: node.loc.end.line, endColumn: node.loc.end.column };
}

function convert(path: string, node: AnyNode): Value {
  const at = placeOf(path, node);
  switch (node.type) {
    case 'Object':
      return {
        kind: 'object',
        at,
        members: node.members.map((m) => ({
          key: m.name.type === 'Identifier' ? m.name.name : m.name.value,
          keyAt: placeOf(path, m.name),
          value: convert(path, m.value),
        })),
      };
    case 'Array':
      return { kind: 'array', at, items: node.elements.map((e) => convert(path, e.value)) };
    case 'String':
      return { kind: 'string', at, value: node.value };
    case 'Number':
      return { kind: 'number', at, value: node.value };
    case 'Boolean':
      return { kind: 'boolean', at, value: node.value };
    case 'NaN':
    case 'Infinity':
      return { kind: 'number', at, value: node.type === 'NaN' ? NaN : Infinity };
    default:
      return { kind: 'null', at };
  }
}
