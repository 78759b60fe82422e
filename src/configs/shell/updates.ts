import type { Detection } from '../../model/finding.js';
import { configRule } from '../rule.js';
import { effectiveValue, parseAptConf } from '../apt/parse.js';
import { operands, outputOf, replaceRaw, spanOf, wordSpan, type ShellScript } from './script.js';

export const scriptUpdatesOff = configRule({
  id: 'script-unattended-upgrades-off',
  title: 'Script turns off unattended security updates',
  severity: 'medium',
  why: 'The guide keeps unattended-upgrades on so security fixes land without anyone logging in; a VM that stops patching itself stays exposed to every published exploit.',
  fix: 'Keep the package installed and enabled: `apt-get install -y unattended-upgrades` and `APT::Periodic::Unattended-Upgrade "1";` in /etc/apt/apt.conf.d/20auto-upgrades.',
});

const PACKAGE = /^unattended-upgrades(:\w+)?\*?$/;
/** The timer that actually starts unattended-upgrade on Debian and Ubuntu counts too. */
const UNITS = /^(unattended-upgrades(\.service)?|apt-daily-upgrade(\.timer|\.service)?)$/;
const DEBCONF_OFF = /unattended-upgrades\/enable_auto_updates\s+boolean\s+false/;
const PERIODIC_KEYS = ['apt::periodic::unattended-upgrade', 'apt::periodic::enable'];

export function checkUpdatesOff(script: ShellScript): Detection[] {
  const out: Detection[] = [];
  for (const inv of script.invocations) {
    const ops = operands(inv);
    const verb = ops[0]?.value;
    if (/^(apt|apt-get|aptitude)$/.test(inv.name) && /^(remove|purge|autoremove)$/.test(verb ?? '')) {
      for (const pkg of ops.slice(1).filter((w) => PACKAGE.test(w.value))) {
        out.push(scriptUpdatesOff.at(wordSpan(script, pkg), { message: `\`${inv.name} ${verb} ${pkg.value}\` removes automatic security updates.`, key: `${verb} unattended-upgrades` }));
      }
    } else if (inv.name === 'dpkg' && inv.argv.some((w) => /^(-r|-P|--remove|--purge)$/.test(w.value))) {
      for (const pkg of ops.filter((w) => PACKAGE.test(w.value))) {
        out.push(scriptUpdatesOff.at(wordSpan(script, pkg), { message: `\`dpkg\` removes ${pkg.value}: no more automatic security updates.`, key: 'dpkg remove unattended-upgrades' }));
      }
    } else if (inv.name === 'systemctl' && /^(disable|mask)$/.test(verb ?? '')) {
      for (const unit of ops.slice(1).filter((w) => UNITS.test(w.value))) {
        out.push(scriptUpdatesOff.at(wordSpan(script, unit), { message: `\`systemctl ${verb} ${unit.value}\` stops automatic security updates.`, key: `systemctl ${verb} ${unit.value.replace(/\.service$/, '')}` }));
      }
    } else if (inv.name === 'debconf-set-selections') {
      const input = inv.command.stdin[0] ?? (inv.pipedFrom ? outputOf(inv.pipedFrom) : undefined);
      const m = input ? DEBCONF_OFF.exec(input.value) : null;
      if (input && m) {
        out.push(scriptUpdatesOff.at(spanOf(script, input, m.index, m.index + m[0].length), { message: 'debconf answers `enable_auto_updates boolean false`, so dpkg-reconfigure turns unattended-upgrades off.', key: 'debconf enable_auto_updates false' }));
      }
    }
  }
  for (const w of script.writes) {
    if (!/apt\.conf(\.d\/[^/]+)?$/.test(w.target.value)) continue;
    // Read as apt reads it (nested scopes, comments, the last value wins), not by pattern.
    const { statements } = parseAptConf(w.content.value);
    for (const key of PERIODIC_KEYS) {
      const s = effectiveValue(statements, key);
      if (!s || s.value.trim() !== '0' || s.valueOffset === undefined) continue;
      const offset = w.content.offsets[s.valueOffset];
      out.push(
        scriptUpdatesOff.at(spanOf(script, w.content, s.offset, s.valueOffset + 1), {
          message: `${w.by.name} writes \`${s.name} "0"\` to ${w.target.value}: unattended upgrades never run.`,
          key: `${s.name} 0`,
          fix: replaceRaw(script, offset, offset + 1, '1'),
        }),
      );
    }
  }
  return out;
}
