import type { Detection } from '../model/finding.js';
import { inContext, lowered } from './context.js';
import type { SecretEngine } from './engine.js';
import { docExampleReason, docExamples, type DocExample } from './literals/doc-examples.js';

/**
 * Where a patch came from, for the checks that need more than its lines: the whole version,
 * and the line in it of each line of the patch (1-based, index = patch line - 1).
 */
export interface PatchOrigin {
  wholeText: () => string | undefined;
  lineNumbers: readonly number[];
}

/**
 * The secrets in one unit's text, weighed by where its file sits: lowered in fixtures and docs,
 * dropped from lock files and bundles for the generic rules (context.ts), and lowered inside
 * documentation examples (a docstring, a Markdown code fence) with that reason instead. For a
 * patch, the examples are looked for in the whole version it was cut from: the added lines
 * hold neither the `EXAMPLES = '''` opener nor the `#!` line that says the file is Python.
 */
export function detectSecrets(engine: SecretEngine, text: string, path: string, asciiBytes?: Uint8Array, origin?: PatchOrigin): Detection[] {
  const out: Detection[] = [];
  let examples: DocExample[] | undefined;
  let lineOf = (line: number) => line;
  const examplesOnce = (): DocExample[] => {
    if (examples) return examples;
    const whole = origin?.wholeText();
    if (origin && whole !== undefined) {
      const numbers = origin.lineNumbers;
      lineOf = (line) => numbers[line - 1] ?? line;
      return (examples = docExamples(whole, path));
    }
    return (examples = docExamples(text, path));
  };
  for (const d of engine.scan(text, path, asciiBytes)) {
    let placed = inContext(d, path);
    if (!placed) continue;
    // Only documentation is lowered again for a finer reason; a fixture stays one step down.
    if (placed === d || /\.(?:md|mdx|markdown)$/i.test(path)) {
      const found = examplesOnce();
      const reason = docExampleReason(found, lineOf(d.line));
      if (reason) placed = lowered(d, reason);
    }
    out.push(placed);
  }
  return out;
}
