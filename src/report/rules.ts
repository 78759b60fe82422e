import type { RuleInfo } from '../catalog.js';

/** `moltguard rules`: one line per rule, grouped by category. */
export function rulesAsText(rules: readonly RuleInfo[]): string {
  const lines: string[] = [];
  for (const category of ['secret', 'config'] as const) {
    const group = rules.filter((r) => r.category === category);
    lines.push(`${category} rules (${group.length}):`);
    const width = Math.max(...group.map((r) => r.id.length));
    for (const r of group) {
      const kw = r.keywords?.length ? `  [${r.keywords.join(', ')}]` : '';
      lines.push(`  ${r.id.padEnd(width)}  ${r.severity.padEnd(8)} ${r.title}${kw}`);
    }
    lines.push('');
  }
  return `${lines.join('\n')}`;
}
