import type { Detection } from '../../model/finding.js';
import { LineIndex } from '../../model/line-index.js';
import { baseName } from '../rule.js';
import { weakRoleVariable } from './role-variables.js';
import { roleHardeningOff } from './variables.js';

// `[ \t]`, not `\s`: with `m`, `\s` runs over every blank line after each line start.
const VARS_SECTION = /^[ \t]*\[[^\]\s]+:vars\][ \t]*\r?$/m;

/** An INI inventory (`hosts`, `inventory`, `*.ini` beside playbooks) that sets group variables. */
export function isIniInventory(path: string, text: string): boolean {
  const name = baseName(path);
  return (/^(hosts|inventory)$/.test(name) || /(^|\/)inventor(y|ies)\/[^/]+$/.test(path) || /\.ini$/i.test(name)) && !/\.ya?ml$/i.test(name) && VARS_SECTION.test(text);
}

type Assignment = RegExpMatchArray | RegExpExecArray | null;

/**
 * `[group:vars]` lines (`name=value`, as Ansible's INI inventory plugin reads them, quotes
 * taken off) and a host line's own `name=value` pairs that switch a hardening role's protection off.
 */
export function iniInventoryFindings(text: string): Detection[] {
  const lines = new LineIndex(text);
  const out: Detection[] = [];
  let section: 'vars' | 'hosts' | 'children' = 'hosts';
  let offset = 0;
  for (const raw of text.split('\n')) {
    const start = offset;
    offset += raw.length + 1;
    const line = raw.replace(/\r$/, '');
    if (/^\s*\[/.test(line)) {
      section = /:vars\]\s*$/.test(line) ? 'vars' : /:children\]\s*$/.test(line) ? 'children' : 'hosts';
      continue;
    }
    if (section === 'children' || /^\s*[#;]/.test(line)) continue;
    const assignments: Assignment[] =
      section === 'vars' ? [/^\s*([A-Za-z_]\w*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s#;]*))/.exec(line)] : [...line.matchAll(/(?<=\s)([A-Za-z_]\w*)=(?:"([^"]*)"|'([^']*)'|([^\s#;]*))/g)];
    for (const m of assignments) {
      const d = m ? assignmentFinding(lines, m, start + (m.index ?? 0)) : undefined;
      if (d) out.push(d);
    }
  }
  return out;
}

function assignmentFinding(lines: LineIndex, m: RegExpMatchArray, base: number): Detection | undefined {
  const value = m[2] ?? m[3] ?? m[4] ?? '';
  const weak = weakRoleVariable(m[1], value);
  if (!weak) return undefined;
  const at = base + m[0].length - (m[4] !== undefined ? value.length : value.length + 1);
  const from = lines.position(at);
  const fix = m[4] !== undefined ? lines.replaceSpan(at, at + value.length, weak.safe) : undefined;
  return roleHardeningOff.at(
    { line: from.line, column: from.column, endLine: from.line, endColumn: from.column + value.length },
    {
      message: `With \`${m[1]}=${value}\` in the inventory, ${weak.role} ${weak.effect}.`,
      severity: weak.severity,
      key: `role variable ${m[1]} ${value.toLowerCase()}`,
      remediation: `Set \`${m[1]}=${weak.safe}\` (the ${weak.role} default), or delete the line.`,
      ...(fix ? { fix } : {}),
    },
  );
}
