import { isScalar, type Node } from 'yaml';
import type { YamlFile } from './yaml.js';

/** A string scalar's value, with the file offset each of its characters came from. */
export interface ScalarBody {
  text: string;
  /** File offset of the body's character at `offset` (the body's length maps past its end). */
  fileOffset(offset: number): number;
}

/**
 * The text a YAML string scalar holds (a file body in `content: |`), mapped back to the file:
 * a block scalar's lines sit one per source line after its header, shifted by the block's
 * indentation; a one-line quoted or plain scalar sits in place. Folded and multi-line flow
 * scalars join lines, so there every character maps to the scalar's start.
 */
export function scalarBody(file: YamlFile, node: Node): ScalarBody | undefined {
  if (!isScalar(node) || typeof node.value !== 'string') return undefined;
  const text = node.value;
  const [start, end] = node.range ?? [0, 0];
  const source = file.text.slice(start, end);
  if (node.type === 'BLOCK_LITERAL') {
    const lineStarts: number[] = [];
    let at = file.text.indexOf('\n', start) + 1;
    const indent = /^[ \t]*/.exec(file.text.slice(at).split('\n').find((l) => l.trim() !== '') ?? '')?.[0].length ?? 0;
    for (const line of text.split('\n')) {
      lineStarts.push(at + (line === '' ? 0 : indent));
      const next = file.text.indexOf('\n', at);
      at = next < 0 ? file.text.length : next + 1;
    }
    const bodyStarts = [0];
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') bodyStarts.push(i + 1);
    return {
      text,
      fileOffset(offset) {
        let l = bodyStarts.length - 1;
        while (l > 0 && bodyStarts[l] > offset) l--;
        return (lineStarts[l] ?? end) + offset - bodyStarts[l];
      },
    };
  }
  const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE' ? 1 : 0;
  const inPlace = !text.includes('\n') && source.slice(quoted, quoted + text.length) === text;
  return { text, fileOffset: (offset) => (inPlace ? start + quoted + offset : start) };
}
