import type { Detection } from '../../model/finding.js';
import { LineIndex } from '../../model/line-index.js';
import { parseError } from '../parse-error.js';
import { baseName, configRule, type ConfigCheck, type ConfigContext } from '../rule.js';
import { effectiveValue, listItems, parseAptConf, type AptStatement } from './parse.js';

const updatesOff = configRule({
  id: 'apt-unattended-upgrades-off',
  title: 'Unattended security updates switched off',
  severity: 'medium',
  why: 'The guide keeps unattended-upgrades on so security fixes land without anyone logging in; a VM that stops patching itself stays exposed to every published exploit.',
  fix: 'Set `APT::Periodic::Unattended-Upgrade "1";` (and `APT::Periodic::Update-Package-Lists "1";`) in /etc/apt/apt.conf.d/20auto-upgrades.',
});
const noSecurityOrigin = configRule({
  id: 'apt-security-origin-missing',
  title: 'Unattended upgrades skip the security archive',
  severity: 'medium',
  why: 'unattended-upgrades installs only what its origins allow; without the -security archive it runs every day and still never applies a security fix.',
  fix: 'Add `"${distro_id}:${distro_codename}-security";` to Unattended-Upgrade::Allowed-Origins (or `"origin=Debian,codename=${distro_codename}-security,label=Debian-Security";` to Origins-Pattern on Debian).',
});

/**
 * `20auto-upgrades`, `50unattended-upgrades`, `10periodic.local`, `apt.conf`. By hand, not by
 * `^\d\d[\w-]*(auto-upgrades|…)[\w.-]*$`: the two runs around the word can share characters,
 * and a long name was tried in every split.
 */
function isAptConfName(name: string): boolean {
  if (name === 'apt.conf') return true;
  if (!/^\d\d[\w.-]*$/.test(name)) return false;
  return ['auto-upgrades', 'periodic', 'unattended-upgrades'].some((word) => {
    const at = name.indexOf(word);
    return at >= 2 && /^[\w-]*$/.test(name.slice(2, at));
  });
}
/** Files apt skips in apt.conf.d (backups and package-manager leftovers). */
const SKIPPED = /(\.(bak|orig|save|disabled|dpkg-[a-z]+|ucf-[a-z]+|md|txt)|~)$/;
const PERIODIC_SWITCHES = ['apt::periodic::unattended-upgrade', 'apt::periodic::enable'];
const ORIGIN_LISTS = ['unattended-upgrade::allowed-origins', 'unattended-upgrade::origins-pattern'];

interface Located extends AptStatement {
  file: string;
}

/** The folder's files in the order apt reads them, for apt.conf.d; otherwise just the file. */
function readingOrder(path: string, ctx: ConfigContext): string[] {
  const dir = /^(.*\/)?apt\.conf\.d\/[^/]+$/.exec(path);
  if (!dir) return [path];
  const prefix = `${dir[1] ?? ''}apt.conf.d/`;
  return ctx.paths().filter((p) => p.startsWith(prefix) && !p.slice(prefix.length).includes('/') && !SKIPPED.test(p)).sort();
}

export const aptCheck: ConfigCheck = {
  name: 'apt-unattended-upgrades',
  rules: [updatesOff, noSecurityOrigin],
  applies(path) {
    return (isAptConfName(baseName(path)) || /(^|\/)apt\.conf\.d\/[^/]+$/.test(path)) && !SKIPPED.test(path);
  },
  check(path, text, ctx) {
    const lines = new LineIndex(text);
    const out: Detection[] = [];
    const statements: Located[] = [];
    const order = readingOrder(path, ctx);
    if (!order.includes(path)) order.push(path);
    for (const file of order) {
      const parsed = parseAptConf(file === path ? text : (ctx.read(file) ?? ''));
      statements.push(...parsed.statements.map((s) => ({ ...s, file })));
      if (file !== path) continue;
      for (const p of parsed.problems) out.push(parseError(path, lines.position(p.offset), p.message, 'apt'));
    }

    for (const key of PERIODIC_SWITCHES) {
      const s = effectiveValue(statements, key);
      if (!s || s.file !== path || s.value.trim() !== '0' || s.valueOffset === undefined) continue;
      const at = lines.position(s.valueOffset);
      out.push(
        updatesOff.at(
          { ...at, endColumn: at.column + 1 },
          {
            message: `\`${s.name} "0"\` in ${path} is the effective value: apt never runs unattended-upgrade.`,
            key: `${key} 0`,
            fix: lines.replaceSpan(s.valueOffset, s.valueOffset + 1, '1'),
          },
        ),
      );
    }

    out.push(...originFindings(path, statements, lines));
    return out;
  },
};

/** True for an Allowed-Origins `origin:archive` pair or an Origins-Pattern naming a -security archive. */
export function isSecurityOrigin(value: string): boolean {
  if (value.includes('=')) return /(^|,)\s*(a|archive|n|codename|l|label)=[^,]*security/i.test(value);
  return /security/i.test(value.slice(value.lastIndexOf(':') + 1));
}

function originFindings(path: string, statements: Located[], lines: LineIndex): Detection[] {
  const ours = statements.filter((s) => s.file === path && ORIGIN_LISTS.includes(s.key) && s.kind !== 'clear');
  if (!ours.length) return [];
  const items = ORIGIN_LISTS.flatMap((k) => listItems(statements, k));
  if (items.some((s) => isSecurityOrigin(s.value))) return [];
  const anchor = ours[0];
  const at = lines.position(anchor.offset);
  const lineText = lines.lineText(at.line);
  const allowed = anchor.key === ORIGIN_LISTS[0];
  // The edit is one line when the block opens at the end of its line: add the origin right under it.
  const fix = anchor.kind === 'block' && allowed && lineText.trimEnd().endsWith('{')
    ? { fix: { line: at.line, replacement: `${lineText}\n        "\${distro_id}:\${distro_codename}-security";` } }
    : {};
  const listed = items.length ? items.map((s) => `"${s.value}"`).join(', ') : 'nothing';
  return [
    noSecurityOrigin.at(
      { ...at, endColumn: at.column + anchor.length },
      { message: `${anchor.name} in ${path} allows ${listed}: no -security archive, so security updates are never installed automatically.`, key: 'origins without security', ...fix },
    ),
  ];
}
