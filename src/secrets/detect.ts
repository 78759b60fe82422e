import type { Detection } from '../model/finding.js';
import { inContext } from './context.js';
import type { SecretEngine } from './engine.js';

/**
 * The secrets in one unit's text, weighed by where its file sits: lowered in fixtures and docs,
 * dropped from lock files and bundles for the generic rules (context.ts).
 */
export function detectSecrets(engine: SecretEngine, text: string, path: string, asciiBytes?: Uint8Array): Detection[] {
  const out: Detection[] = [];
  for (const d of engine.scan(text, path, asciiBytes)) {
    const placed = inContext(d, path);
    if (placed) out.push(placed);
  }
  return out;
}
