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
