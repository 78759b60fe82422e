import type { Detection, Location } from '../../model/finding.js';
import { configRule, type ConfigCheck, type ConfigContext, type Span } from '../rule.js';
import { parseError } from '../parse-error.js';
import { aboutSecret, isLiteralSecret } from '../shared/secret-values.js';
import { parseDotenv } from '../dotenv/parse.js';
import { effectiveList, isDropIn, loadUnit, serviceUser, unitNameOf, type MergedUnit } from './merge.js';
import { positionInValue, type UnitEntry, type UnitFile } from './parse.js';
import { splitEnvironment } from './environment.js';
import { resolveEnvironmentFile } from './env-files.js';
import { assessHardening } from './hardening.js';
import { forSystemTask } from './system-tasks.js';

const rootService = configRule({
  id: 'systemd-root-service',
  title: 'systemd service runs as root',
  severity: 'high',
  why: "systemd runs a service as root unless User= says otherwise, so one bug in the agent is full control of the VM; the guide runs it as a dedicated non-root user without sudo.",
  fix: 'Set `User=agent` and `Group=agent` in [Service] (or `DynamicUser=yes`), after creating that user without sudo (`useradd --system agent`).',
});
const dropInRoot = configRule({
  id: 'systemd-dropin-root',
  title: 'systemd drop-in undoes the non-root user',
  severity: 'high',
  why: 'A drop-in overrides the unit it extends, so this line silently turns a non-root service back into a root one.',
  fix: 'Delete the User= line from the drop-in, or set it to the service user the unit names.',
});
const environmentSecret = configRule({
  id: 'systemd-environment-secret',
  title: 'Secret in a systemd Environment= line',
  severity: 'high',
  why: 'Environment= values are committed with the unit and any local user can read them with `systemctl show`; the guide keeps secrets only in a mode-600 env file.',
  fix: 'Move the variable to the env file loaded with EnvironmentFile= (chmod 600, owned by the service user), delete it from the unit, and rotate the value.',
});
const envFileCommitted = configRule({
  id: 'systemd-envfile-committed',
  title: 'EnvironmentFile= target is committed',
  severity: 'high',
  why: 'The env file should exist only on the server (mode 600, owned by the service user); a committed copy puts every secret in it into git history.',
  fix: 'Run `git rm --cached` on the file, add it to .gitignore, commit a placeholder-only .env.example instead, and rotate every secret it held.',
});
const hardening = configRule({
  id: 'systemd-hardening',
  title: 'Service lacks basic systemd sandboxing',
  severity: 'low',
  why: 'NoNewPrivileges=, ProtectSystem= and PrivateTmp= cost nothing for a typical agent and stop a compromised process from gaining privileges or rewriting the system.',
  fix: 'Add `NoNewPrivileges=yes`, `ProtectSystem=strict` (with `ReadWritePaths=` for the data folders) and `PrivateTmp=yes` to [Service], then check with `systemd-analyze security <unit>`.',
});

export const systemdCheck: ConfigCheck = {
  name: 'systemd',
  rules: [rootService, dropInRoot, environmentSecret, envFileCommitted, hardening],
  applies(path, text) {
    // Avahi's service files share the .service name but are XML (phpMyAdmin's Debian package
    // ships /etc/phpmyadmin/phpmyadmin.service). Only an XML declaration or doctype tells: a
    // Jinja-masked template line (`<xxxx>`) can start a unit an Ansible task writes.
    return unitNameOf(path) !== undefined && !/^\s*<[?!]/.test(text);
  },
  check(path, text, ctx) {
    const unit = loadUnit(path, text, ctx);
    if (!unit) return [];
    const own = unit.base?.file === path ? unit.base : unit.dropIns.find((d) => d.file === path);
    if (!own) return [];
    return [
      ...own.problems.map((p) => parseError(p.file, { line: p.line }, p.message)),
      ...forSystemTask(checkUser(path, unit, own), unit),
      ...checkEnvironment(own),
      ...checkEnvironmentFiles(path, unit, ctx),
      ...checkHardening(path, unit, own),
    ];
  },
};

// User units (~/.config/systemd/user, /etc/systemd/user) run as the user who starts them.
const USER_UNIT = /(?:^|\/)systemd\/user\//;

function checkUser(path: string, unit: MergedUnit, own: UnitFile): Detection[] {
  if (USER_UNIT.test(path)) return [];
  const who = serviceUser(unit.entries);
  if (!who.root) return [];
  const by = who.decidedBy;
  if (!by) {
    // Nothing sets the user: the fix is a line in the base unit's [Service] section.
    if (isDropIn(path)) return [];
    const header = own.sections.find((s) => s.name === 'Service');
    const message = `${unit.name} sets no User= (nor DynamicUser=yes)${unit.dropIns.length ? ' in the unit or its drop-ins' : ''}, so systemd runs it as root.`;
    if (!header) return [rootService.at({ line: 1, column: 1 }, { message, key: 'no User=' })];
    return [
      rootService.at(
        { line: header.line, column: header.column, endColumn: header.column + '[Service]'.length },
        { message, key: 'no User=', fix: { line: header.line, replacement: `${' '.repeat(header.column - 1)}[Service]\nUser=agent` } },
      ),
    ];
  }
  if (by.file !== path) return [];
  const said = `${by.key}=${by.value}`;
  const baseUser = unit.base ? serviceUser(unit.base.entries) : undefined;
  const fix = by.key === 'User' ? { line: by.line, replacement: `${' '.repeat(by.column - 1)}User=agent` } : undefined;
  if (isDropIn(path) && baseUser && !baseUser.root) {
    const baseLine = baseUser.decidedBy;
    const related: Location[] = baseLine ? [locationOf(baseLine, `${unit.name} runs the service as ${baseUser.user} here`)] : [];
    return [
      dropInRoot.at(spanOf(by), {
        message: `${said} in this drop-in overrides ${unit.name}${baseLine ? ` (${baseLine.key}=${baseLine.value} at ${baseLine.file}:${baseLine.line})` : ''}: the service runs as root.`,
        key: `drop-in ${said}`,
        related,
        fix,
      }),
    ];
  }
  const meaning = by.key === 'User' && by.value.trim() === '' ? 'resets User= to systemd\'s default, root' : 'makes the service run as root';
  return [rootService.at(spanOf(by), { message: `${said} is the effective value for ${unit.name} and ${meaning}.`, key: said.trim(), fix })];
}

/** Literal secrets in any Environment= line of this file: committed even if a later line resets them. */
function checkEnvironment(own: UnitFile): Detection[] {
  const out: Detection[] = [];
  for (const e of own.entries) {
    if (e.key !== 'Environment') continue;
    for (const a of splitEnvironment(e.value)) {
      if (!isLiteralSecret(a.name, a.value)) continue;
      const at = positionInValue(e, a.offset);
      out.push(
        aboutSecret(
          environmentSecret.at(
            { line: at.line, column: at.column, endColumn: at.column + a.name.length },
            { message: `Environment= sets ${a.name} to a literal value in the committed unit.`, key: `Environment ${a.name}` },
          ),
          a.value,
        ),
      );
    }
  }
  return out;
}

function checkEnvironmentFiles(path: string, unit: MergedUnit, ctx: ConfigContext): Detection[] {
  const out: Detection[] = [];
  for (const e of effectiveList(unit.entries, 'Service', 'EnvironmentFile')) {
    if (e.file !== path) continue;
    const target = resolveEnvironmentFile(path, e.value, ctx)[0];
    if (!target) continue;
    const secrets = parseDotenv(ctx.read(target) ?? '').entries.filter((v) => isLiteralSecret(v.name, v.value)).map((v) => v.name);
    const holds = secrets.length ? `; it holds literal values for ${secrets.join(', ')}` : '; it holds no literal secrets yet, but the real one will sit next to a git checkout';
    out.push(
      envFileCommitted.at(spanOf(e), {
        message: `EnvironmentFile=${e.value} is committed in this repository as ${target}${holds}.`,
        severity: secrets.length ? 'high' : 'medium',
        key: `EnvironmentFile ${e.value.trim()}`,
        related: [{ path: target, line: 1, column: 1, endLine: 1, endColumn: 1, message: 'the committed env file' }],
      }),
    );
  }
  return out;
}

function checkHardening(path: string, unit: MergedUnit, own: UnitFile): Detection[] {
  if (isDropIn(path) || USER_UNIT.test(path) || serviceUser(unit.entries).root) return [];
  const header = own.sections.find((s) => s.name === 'Service');
  if (!header) return [];
  const gap = assessHardening(unit.entries);
  if (gap.missing.length === 0) return [];
  const weak = gap.weakened.map((w) => `${w.key}=${w.value} at ${w.file}:${w.line}`);
  const span: Span = { line: header.line, column: header.column, endColumn: header.column + '[Service]'.length };
  // Adding lines fixes it only when nothing sets a weaker value that would still win later.
  const addable = gap.weakened.length === 0;
  const [only] = gap.weakened;
  const fix = addable
    ? { line: header.line, replacement: [`${' '.repeat(header.column - 1)}[Service]`, ...gap.missing].join('\n') }
    : gap.missing.length === 1 && only && only.file === path && only.line === only.endLine
      ? { line: only.line, replacement: `${' '.repeat(only.column - 1)}${gap.missing[0]}` }
      : undefined;
  return [
    hardening.at(span, {
      message: `${unit.name} runs as ${serviceUser(unit.entries).user} without ${gap.missing.join(', ')}${weak.length ? ` (weaker values: ${weak.join(', ')})` : ''}; estimated exposure ${gap.exposure.toFixed(1)}/10 (${gap.rating} in systemd-analyze security terms).`,
      severity: gap.exposure >= 5 ? 'low' : 'info',
      key: 'hardening',
      ...(fix ? { fix } : {}),
    }),
  ];
}

function spanOf(e: UnitEntry): Span {
  return { line: e.line, column: e.column, endLine: e.endLine, endColumn: e.endColumn };
}

function locationOf(e: UnitEntry, message: string): Location {
  return { path: e.file, line: e.line, column: e.column, endLine: e.endLine, endColumn: e.endColumn, message };
}
