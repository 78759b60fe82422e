import type { Detection, Fix } from '../../model/finding.js';
import { parseError } from '../parse-error.js';
import { isWorld } from '../shared/ports.js';
import { configRule, type ConfigCheck, type ConfigContext } from '../rule.js';
import { MergedIni, parseDuration, parseIni, type IniEntry, type IniSection } from './ini.js';

const sshdJailOff = configRule({
  id: 'fail2ban-sshd-disabled',
  title: 'fail2ban does not protect sshd',
  severity: 'medium',
  why: 'The guide runs fail2ban on sshd so that address after address guessing at SSH gets banned; a jail that is off or missing bans nobody.',
  fix: 'Add an `[sshd]` jail with `enabled = true`, `port = ssh`, `filter = sshd`, `logpath = /var/log/auth.log`, `maxretry = 5`, `bantime = 3600`, `findtime = 600` to jail.local.',
});
const maxRetryHigh = configRule({
  id: 'fail2ban-maxretry-high',
  title: 'fail2ban allows too many SSH failures',
  severity: 'low',
  why: 'Every allowed failure is another guess; the guide bans after 5.',
  fix: 'Set `maxretry = 5` in the [sshd] jail.',
});
const banTimeShort = configRule({
  id: 'fail2ban-bantime-short',
  title: 'fail2ban bans for under 10 minutes',
  severity: 'low',
  why: 'A ban that short barely slows a scanner that simply waits; the guide bans for an hour.',
  fix: 'Set `bantime = 3600` (or `1h`) in the [sshd] jail; `-1` bans permanently.',
});
const ignoreWorld = configRule({
  id: 'fail2ban-ignoreip-world',
  title: 'fail2ban ignores every address',
  severity: 'medium',
  why: '`ignoreip` lists addresses fail2ban never bans; 0.0.0.0/0 or ::/0 there switches banning off for the whole internet.',
  fix: 'List only your own addresses in `ignoreip` (e.g. `ignoreip = 127.0.0.1/8 ::1 10.0.0.0/8`).',
});

const MAX_RETRY = 10;
const MIN_BAN_SECONDS = 600;
const SSHD_JAILS = ['sshd', 'ssh'];

/** The folder holding jail.conf/jail.local (the parent of jail.d/) for a jail file, or undefined. */
export function jailRoot(path: string): string | undefined {
  const m = /^(.*\/)?(?:jail\.(?:conf|local)|jail\.d\/[^/]+\.(?:conf|local))$/.exec(path);
  return m ? (m[1] ?? '') : undefined;
}

/** fail2ban's reading order: jail.conf, jail.d/*.conf, jail.local, jail.d/*.local; later wins. */
export function jailFiles(root: string, paths: readonly string[]): string[] {
  const dropIns = (ext: string) => paths.filter((p) => p.startsWith(`${root}jail.d/`) && !p.slice(root.length + 7).includes('/') && p.endsWith(ext)).sort();
  return [`${root}jail.conf`, ...dropIns('.conf'), `${root}jail.local`, ...dropIns('.local')].filter((p) => paths.includes(p));
}

export const fail2banCheck: ConfigCheck = {
  name: 'fail2ban',
  rules: [sshdJailOff, maxRetryHigh, banTimeShort, ignoreWorld],
  applies(path) {
    return jailRoot(path) !== undefined;
  },
  check(path, text, ctx) {
    return checkJails(path, text, ctx);
  },
};

function checkJails(path: string, text: string, ctx: ConfigContext): Detection[] {
  const root = jailRoot(path)!;
  const order = jailFiles(root, ctx.paths());
  if (!order.includes(path)) order.push(path);
  const out: Detection[] = [];
  const parsed: IniSection[][] = order.map((file) => {
    const body = file === path ? text : (ctx.read(file) ?? '');
    const { sections, problems } = parseIni(file, body);
    if (file === path) for (const p of problems) out.push(parseError(path, { line: p.line }, p.message, 'ini'));
    return sections;
  });
  const merged = new MergedIni(parsed);
  const mine = (e: IniEntry | undefined): e is IniEntry => e?.file === path;
  const jail = SSHD_JAILS.find((j) => merged.has(j));

  if (!jail) {
    // Reported once per folder: in the file read last, which is where an added jail would win.
    if (order.at(-1) === path && parsed.some((s) => s.length)) {
      out.push(sshdJailOff.at({ line: 1, column: 1 }, { message: `No [sshd] jail in ${order.join(', ')}: fail2ban leaves SSH unprotected.`, key: 'sshd jail missing' }));
    }
  } else {
    const enabled = merged.effective(jail, 'enabled');
    if (!/^(true|yes|1|on)$/i.test(enabled?.value ?? '')) {
      const header = merged.headersOf(jail).at(-1)!;
      if (enabled?.section === jail) {
        if (mine(enabled)) {
          out.push(sshdJailOff.at(valueSpan(enabled), { message: `The [${jail}] jail is off: \`${enabled.name} = ${enabled.value}\` (${origin(enabled)}) is the effective value.`, key: `${jail} enabled ${enabled.value}`, fix: valueFix(enabled, text, 'true') }));
        }
      } else if (header.file === path) {
        // Unset, or inherited from [DEFAULT]: the fix is a line under the most local [sshd] header.
        const why = enabled ? `inherits \`enabled = ${enabled.value}\` from [DEFAULT] (${origin(enabled)})` : "never sets `enabled`, and fail2ban's default is false";
        const line = text.split(/\r?\n/)[header.line - 1];
        out.push(sshdJailOff.at({ line: header.line, column: 1, endColumn: line.length + 1 }, { message: `The [${jail}] jail ${why}.`, key: `${jail} enabled ${enabled ? 'default' : 'unset'}`, fix: { line: header.line, replacement: `${line}\nenabled = true` } }));
      }
    }
    const retry = merged.effective(jail, 'maxretry');
    if (mine(retry) && Number(retry.value) > MAX_RETRY) {
      out.push(maxRetryHigh.at(valueSpan(retry), { message: `maxretry = ${retry.value} (${origin(retry)}) lets each address fail ${retry.value} times before a ban.`, key: `${jail} maxretry ${retry.value}`, fix: valueFix(retry, text, '5') }));
    }
    const ban = merged.effective(jail, 'bantime');
    const seconds = ban ? parseDuration(ban.value) : undefined;
    if (mine(ban) && seconds !== undefined && seconds >= 0 && seconds < MIN_BAN_SECONDS) {
      out.push(banTimeShort.at(valueSpan(ban), { message: `bantime = ${ban.value} (${origin(ban)}) bans for only ${seconds} seconds.`, key: `${jail} bantime ${ban.value}`, fix: valueFix(ban, text, '3600') }));
    }
  }

  const ignores = new Set(merged.names().map((s) => merged.effective(s, 'ignoreip')).filter(mine));
  for (const entry of ignores) out.push(...worldIgnores(entry, text));
  return out;
}

function worldIgnores(entry: IniEntry, text: string): Detection[] {
  const out: Detection[] = [];
  const lines = text.split(/\r?\n/);
  // The value may continue over indented lines; find each token on the line it sits on.
  for (let l = entry.line; l <= lines.length && (l === entry.line || /^\s/.test(lines[l - 1] ?? '')); l++) {
    const raw = lines[l - 1];
    const from = l === entry.line ? entry.valueColumn - 1 : 0;
    for (const m of raw.slice(from).matchAll(/[^\s,]+/g)) {
      if (/^[;#]/.test(m[0])) break;
      if (!isWorld(m[0]) || !m[0].includes('/')) continue;
      const column = from + m.index + 1;
      out.push(ignoreWorld.at({ line: l, column, endColumn: column + m[0].length }, { message: `ignoreip includes ${m[0]} (${origin(entry)}): fail2ban will never ban anyone.`, key: `ignoreip ${m[0]}` }));
    }
  }
  return out;
}

function origin(e: IniEntry): string {
  return `${e.file}:${e.line}`;
}

function valueSpan(e: IniEntry) {
  return { line: e.line, column: e.valueColumn, endColumn: e.valueColumn + e.value.split('\n')[0].length };
}

function valueFix(e: IniEntry, text: string, value: string): Fix {
  const line = text.split(/\r?\n/)[e.line - 1];
  return { line: e.line, replacement: line.slice(0, e.valueColumn - 1) + value + line.slice(e.valueColumn - 1 + e.value.split('\n')[0].length) };
}
