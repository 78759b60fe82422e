import type { Detection } from '../model/finding.js';
import { inContext, lowered } from './context.js';
import type { SecretEngine } from './engine.js';
import { docExampleReason, docExamples, type DocExample } from './literals/doc-examples.js';
import { exampleEntryReason } from './literals/example-entry.js';

/**
 * Where a patch came from, for the checks that need more than its lines: the whole version,
 * and the line in it of each line of the patch (1-based, index = patch line - 1).
 */
export interface PatchOrigin {
  wholeText: () => string | undefined;
  lineNumbers: readonly number[];
  /** The version's `#!` line: the language of a file with no extension. */
  shebang?: string;
}

/**
 * The secrets in one unit's text, weighed by where its file sits: lowered in fixtures and docs,
 * dropped from lock files and bundles for the generic rules (context.ts), and lowered inside
 * documentation examples (a docstring, a Markdown code fence) or beside a made-up account
 * (`username: example`) with that reason instead. For a patch, both are looked for in the whole
 * version it was cut from: the added lines hold neither the `EXAMPLES = '''` opener, nor the
 * `#!` line that says the file is Python, nor the rest of the entry.
 */
export function detectSecrets(engine: SecretEngine, text: string, path: string, asciiBytes?: Uint8Array, origin?: PatchOrigin): Detection[] {
  const out: Detection[] = [];
  let view: { text: string; lineOf: (line: number) => number; examples?: DocExample[]; lines?: string[] } | undefined;
  // The text the block structure is read from, and where each line of the unit sits in it.
  const context = () => {
    if (view) return view;
    const whole = origin?.wholeText();
    if (origin && whole !== undefined) {
      const numbers = origin.lineNumbers;
      return (view = { text: whole, lineOf: (line) => numbers[line - 1] ?? line });
    }
    return (view = { text, lineOf: (line) => line });
  };
  for (const d of engine.scan(text, path, asciiBytes, origin?.shebang)) {
    let placed = inContext(d, path);
    if (!placed) continue;
    // Only documentation is lowered again for a finer reason; a fixture stays one step down.
    if (placed === d || /\.(?:md|mdx|markdown|rst)$/i.test(path)) {
      const c = context();
      const example = docExampleReason((c.examples ??= docExamples(c.text, path)), c.lineOf(d.line));
      if (example && d.silentInDocExamples) continue;
      // A name = value secret is as made-up as the account it belongs to; a provider's key names itself.
      const reason = example ?? (placed === d && d.generic ? exampleEntryReason((c.lines ??= c.text.split('\n')), path, c.lineOf(d.line)) : undefined);
      if (reason) placed = lowered(d, reason);
    }
    out.push(placed);
  }
  return out;
}

/**
 * Config detections inside a documentation example (SQLAlchemy's docstrings show
 * `create_engine("postgresql://scott:<password>@host/test")`, Ansible's EXAMPLES a `dsn:` URL) are
 * lowered one step with that reason, as secrets there are: the text shows how to write a
 * setting, it is not one that runs. The lexer runs only when the file has such a detection.
 */
export function lowerConfigDocExamples(detections: Detection[], text: string, path: string): Detection[] {
  if (detections.length === 0) return detections;
  const examples = docExamples(text, path);
  if (examples.length === 0) return detections;
  return detections.map((d) => {
    const reason = docExampleReason(examples, d.line);
    return reason ? lowered(d, reason) : d;
  });
}
