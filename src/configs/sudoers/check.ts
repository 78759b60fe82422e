import type { Detection } from '../../model/finding.js';
import { LineIndex } from '../../model/line-index.js';
import { baseName, configRule, type ConfigCheck, type Span } from '../rule.js';
import { isAdminEntry, logicalLines, parseGrants, userAliases } from './parse.js';

/** Shared by sudoers files and the provisioning scripts that write them or add users to sudo. */
export const serviceUserSudo = configRule({
  id: 'service-user-sudo',
  title: 'Service user can run anything as root',
  severity: 'high',
  why: 'The guide runs the agent as a dedicated non-root user with no sudo: a bug or prompt injection in the agent then stays inside that account instead of owning the VM.',
  fix: 'Remove the grant (or the sudo/wheel group membership); if the service must restart itself, allow only that command: `agent ALL=(root) NOPASSWD: /usr/bin/systemctl restart agent`.',
});

/**
 * Findings for the sudo grants in `text`, a sudoers file or the body a script writes to one.
 * `at` turns an index in the logical line into a file span; `origin` says where the text came from.
 */
export function grantFindings(
  lines: { text: string; offsets: number[] }[],
  at: (offsets: number[], from: number, to: number) => Span,
  origin: string,
): Detection[] {
  const aliases = userAliases(lines.map((l) => l.text));
  const out: Detection[] = [];
  for (const line of lines) {
    for (const g of parseGrants(line.text)) {
      if (!g.allCommands || isAdminEntry(g.who)) continue;
      const members = aliases.get(g.who);
      const whom = g.who === 'ALL' ? 'every user' : members ? `${g.who} (${members.join(', ')})` : g.who;
      const message = g.nopasswd
        ? `${origin} lets ${whom} run ALL commands as root with NOPASSWD: no password stands between the service and root.`
        : `${origin} lets ${whom} run ALL commands as root.`;
      out.push(
        serviceUserSudo.at(at(line.offsets, g.whoIndex, g.whoIndex + g.who.length), {
          message,
          key: `sudo ${g.who} ALL${g.nopasswd ? ' NOPASSWD' : ''}`,
        }),
      );
    }
  }
  return out;
}

export const sudoersCheck: ConfigCheck = {
  name: 'sudoers',
  rules: [serviceUserSudo],
  applies(path) {
    if (/\.(md|txt|rst|html|json|ya?ml|sh|bash|py|js|ts)$/i.test(path)) return false;
    return baseName(path) === 'sudoers' || /(^|\/)sudoers\.d\/[^/]+$/.test(path);
  },
  check(path, text) {
    const index = new LineIndex(text);
    const span = (offsets: number[], from: number, to: number): Span => {
      const a = index.position(offsets[from] ?? 0);
      const b = index.position((offsets[to - 1] ?? offsets[from] ?? 0) + 1);
      return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
    };
    return grantFindings(logicalLines(text), span, path);
  },
};
