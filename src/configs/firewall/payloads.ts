import { readJson, type JsonNode } from '../formats/json-pos.js';
import { scriptOf } from '../shell/check.js';
import type { Segment } from '../shell/lex.js';

/**
 * A JSON document found in a file: the whole of a `.json` file, or a payload a shell script
 * passes inline (`curl -d '…'`, `PAYLOAD='…'`, a here-document). `fileOffset` maps an offset
 * in the JSON text back to the file, through the quotes and continuations of the script.
 */
export interface Payload {
  node: JsonNode;
  /** Where the JSON came from, for messages: `the JSON file`, `the inline payload`. */
  origin: string;
  fileOffset(jsonOffset: number): number;
  /** True when JSON characters [from, to) sit in the file exactly as in the JSON (no escapes in between). */
  verbatim(from: number, to: number): boolean;
}

export type PayloadResult = { payloads: Payload[]; error?: { offset: number; message: string } };

/**
 * The JSON documents in `text` that contain `marker` (a key such as `"inbound_rules"`). A `.json`
 * file that does not parse is an error to report; an inline payload that does not parse is
 * most likely templated by the script and is skipped.
 */
export function findPayloads(path: string, text: string, marker: RegExp, isScript: boolean): PayloadResult {
  if (!isScript) {
    const parsed = readJson(text);
    if (!parsed.ok) return { payloads: [], error: { offset: parsed.offset, message: parsed.message } };
    return { payloads: [{ node: parsed.node, origin: 'the JSON file', fileOffset: (o) => o, verbatim: () => true }] };
  }
  const script = scriptOf(path, text);
  const segments: Segment[] = script.commands.flatMap((c) => [...c.words, ...c.stdin]);
  const payloads: Payload[] = [];
  for (const seg of segments) {
    if (!marker.test(seg.value)) continue;
    for (let from = seg.value.indexOf('{'); from >= 0; ) {
      const parsed = readJson(seg.value, { from, trailing: false, shellValues: true });
      if (!parsed.ok) break;
      payloads.push({
        node: parsed.node,
        origin: 'the inline JSON payload',
        fileOffset: (o) => seg.offsets[o] ?? seg.offsets.at(-1) ?? 0,
        verbatim: (a, b) => b > a && seg.offsets[b - 1] - seg.offsets[a] === b - 1 - a,
      });
      from = seg.value.indexOf('{', parsed.end);
    }
  }
  return { payloads };
}

/** Every object (at any depth) that has `key`, so a payload nested in a wrapper is still found. */
export function objectsWith(node: JsonNode, key: string, depth = 0): JsonNode[] {
  if (depth > 32) return [];
  if (node.kind === 'object') {
    const here = node.entries.some((e) => e.key === key) ? [node] : [];
    return [...here, ...node.entries.flatMap((e) => objectsWith(e.value, key, depth + 1))];
  }
  if (node.kind === 'array') return node.items.flatMap((n) => objectsWith(n, key, depth + 1));
  return [];
}
