import type { RuleInfo } from '../model/rule-info.js';

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

/** The README's rule tables, generated so they can never drift from the rule files. */
export function rulesAsMarkdown(rules: readonly RuleInfo[]): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const out: string[] = [];
  for (const [category, heading] of [
    ['secret', 'Secret rules'],
    ['config', 'Deploy-config rules'],
  ] as const) {
    const group = rules.filter((r) => r.category === category);
    out.push(`### ${heading} (${group.length})`, '');
    if (category === 'secret') {
      out.push('| id | severity | what | keywords | how to fix |', '| --- | --- | --- | --- | --- |');
      for (const r of group) out.push(`| \`${r.id}\` | ${r.severity} | ${cell(r.title)} | ${(r.keywords ?? []).map((k) => `\`${cell(k)}\``).join(' ')} | ${cell(r.help)} |`);
    } else {
      out.push('| id | severity | what | why it matters | how to fix |', '| --- | --- | --- | --- | --- |');
      for (const r of group) out.push(`| \`${r.id}\` | ${r.severity} | ${cell(r.title)} | ${cell(r.description)} | ${cell(r.help)} |`);
    }
    out.push('');
  }
  return out.join('\n');
}
