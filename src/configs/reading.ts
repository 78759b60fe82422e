import type { Detection } from '../model/finding.js';
import type { ConfigCheck, ConfigContext } from './rule.js';
import { parseErrorRule } from './parse-error.js';
import { maskTemplate, templateKind } from './formats/template.js';

/** Prose mentions config keywords without being a config (a README quoting sshd_config). */
const PROSE = /\.(md|markdown|mdx|adoc|asciidoc|rst)$/i;

/**
 * Every config check over one file, read as the program would read what gets deployed: prose
 * is skipped, a template is judged on what it certainly renders, and a file gives at most one
 * parse finding, only from a check whose format the file's name or content claims.
 */
export function configDetections(checks: readonly ConfigCheck[], path: string, text: string, ctx: ConfigContext): Detection[] {
  if (PROSE.test(path)) return [];
  const kind = templateKind(path, text);
  if (!kind) return oneParseFinding(runChecks(checks, path, text, ctx));
  const masked = maskTemplate(path, text, kind);
  const found = runChecks(checks, masked.renders, masked.text, ctx)
    .filter((d) => !masked.uncertain.has(d.line))
    // A tag may render whole lines (`{{ include … | nindent 4 }}`): a parse problem there is ours.
    .filter((d) => d.ruleId !== parseErrorRule.id || !masked.rendered.has(d.line))
    .map((d) => renamed(d, masked.renders, path));
  return oneParseFinding(found);
}

function runChecks(checks: readonly ConfigCheck[], path: string, text: string, ctx: ConfigContext): Detection[] {
  const out: Detection[] = [];
  for (const check of checks) {
    if (!check.applies(path, text)) continue;
    const found = check.check(path, text, ctx);
    const claimed = check.claims?.(path, text) ?? true;
    out.push(...(claimed ? found : found.filter((d) => d.ruleId !== parseErrorRule.id)));
  }
  return out;
}

/**
 * One parse finding per file, at the first problem: a file that fails on every line is one
 * mistake (often the wrong format), and a hundred findings saying "fix the syntax" bury it.
 */
export function oneParseFinding(found: Detection[]): Detection[] {
  const errors = found.filter((d) => d.ruleId === parseErrorRule.id);
  if (errors.length <= 1) return found;
  const first = errors.reduce((a, b) => (b.line < a.line || (b.line === a.line && b.column < a.column) ? b : a));
  const more = errors.length - 1;
  const merged: Detection = {
    ...first,
    message: first.message.replace(/\.( |$)/, `; ${more} more line${more === 1 ? '' : 's'} could not be read either.$1`),
  };
  return found.filter((d) => d.ruleId !== parseErrorRule.id || d === first).map((d) => (d === first ? merged : d));
}

/** A check that judged a template under its rendered name speaks of the template's own path. */
function renamed(d: Detection, from: string, to: string): Detection {
  if (from === to) return d;
  return {
    ...d,
    message: d.message.split(from + ':').join(to + ':'),
    ...(d.related ? { related: d.related.map((r) => (r.path === from ? { ...r, path: to } : r)) } : {}),
  };
}
