import type { Detection } from '../model/finding.js';
import { inContext, lowered } from './context.js';
import type { SecretEngine } from './engine.js';
import { docExampleReason, docExamples, type DocExample } from './literals/doc-examples.js';

/**
 * The secrets in one unit's text, weighed by where its file sits: lowered in fixtures and docs,
 * dropped from lock files and bundles for the generic rules (context.ts), and lowered inside
 * documentation examples (a docstring, a Markdown code fence) with that reason instead.
 */
export function detectSecrets(engine: SecretEngine, text: string, path: string, asciiBytes?: Uint8Array): Detection[] {
  const out: Detection[] = [];
  let examples: DocExample[] | undefined;
  for (const d of engine.scan(text, path, asciiBytes)) {
    let placed = inContext(d, path);
    if (!placed) continue;
    // Only documentation is lowered again for a finer reason; a fixture stays one step down.
    if (placed === d || /\.(?:md|mdx|markdown)$/i.test(path)) {
      const reason = docExampleReason((examples ??= docExamples(text, path)), d.line);
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
