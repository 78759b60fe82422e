import type { Detection } from '../../model/finding.js';
import { configRule } from '../rule.js';
import { serviceUserSudo, grantFindings } from '../sudoers/check.js';
import type { Segment, Word } from './lex.js';
import { operands, spanOf, wordSpan, type Invocation, type ShellScript } from './script.js';

export const setcapInterpreter = configRule({
  id: 'setcap-interpreter',
  title: 'Privileged-port capability given to a whole interpreter',
  severity: 'low',
  why: 'cap_net_bind_service on python/node/ruby lets every script that interpreter runs, by any user, bind privileged ports; the guide grants it to the one service instead.',
  fix: 'Remove it (`setcap -r <interpreter>`) and add `AmbientCapabilities=CAP_NET_BIND_SERVICE` to the [Service] section of the agent unit.',
});

export const PRIVILEGE_RULES = [serviceUserSudo, setcapInterpreter];

const SUDO_GROUPS = /^(sudo|wheel|admin)$/;
const INTERPRETER = /(?:^|[/\s(])(python[\d.]*|pypy[\d.]*|node|nodejs|ruby[\d.]*|perl[\d.]*|java|php[\d.]*|bun|deno)(?=$|[\s)"'`])/;

/** Names deploy scripts give the account a service runs as (`agent`, `openclaw`, `tg-bot`, `app-svc`). */
const SERVICE_NAME = /^(agent|bot|app|svc|service|daemon|worker|runner|openclaw|moltbot|clawd(bot)?)$|[-_](agent|bot|svc|service|daemon|worker|runner)$|^(openclaw|moltbot)/i;

/**
 * The accounts this script treats as a service's: created as system accounts or without a
 * login shell, or named like one. A human admin put in the sudo group (the guide's own
 * advice: log in as your user and sudo) is not one, nor is a user only known as `$username`.
 */
function serviceAccounts(script: ShellScript, runAs: ReadonlySet<string>): (user: string) => boolean {
  const created = new Set<string>();
  for (const inv of script.invocations) {
    if (inv.name !== 'useradd' && inv.name !== 'adduser') continue;
    const words = inv.argv.slice(1).map((w) => w.value);
    const system = words.some((w) => /^(-r|--system)$/.test(w)) || words.some((w, i) => /^(-s|--shell)$/.test(words[i - 1] ?? '') && /(nologin|false)$/.test(w));
    const user = operands(inv).map((w) => w.value).filter((w) => !/(nologin|false)$/.test(w)).at(-1);
    if (system && user) created.add(user);
  }
  return (user) => !/[$`]/.test(user) && (created.has(user) || runAs.has(user) || SERVICE_NAME.test(user));
}

export function checkPrivileges(script: ShellScript, runAs: ReadonlySet<string> = new Set()): Detection[] {
  const out: Detection[] = [];
  const isService = serviceAccounts(script, runAs);
  for (const inv of script.invocations) {
    if (inv.name === 'usermod' || inv.name === 'useradd') out.push(...groupOption(script, inv, isService));
    else if (inv.name === 'adduser' || inv.name === 'gpasswd') out.push(...groupOperand(script, inv, isService));
    else if (inv.name === 'setcap') out.push(...setcapFindings(script, inv));
  }
  for (const w of script.writes) {
    if (!/(^|\/)sudoers(\.d\/[^/]+)?$/.test(w.target.value)) continue;
    out.push(...grantFindings(linesOf(w.content), (offsets, from, to) => spanOf(script, { value: '', offsets }, from, to), `${w.by.name} writing to ${w.target.value}`));
  }
  return out;
}

/** `usermod -aG sudo agent`, `useradd -G sudo,docker agent`, `--groups=wheel`. */
function groupOption(script: ShellScript, inv: Invocation, isService: (user: string) => boolean): Detection[] {
  const args = inv.argv.slice(1);
  let groups: Segment | undefined;
  for (let i = 0; i < args.length; i++) {
    const v = args[i].value;
    if (/^-[a-zA-Z]*G$/.test(v) || v === '--groups') groups = args[i + 1];
    else if (/^-[a-zA-Z]*G./.test(v)) {
      const at = v.indexOf('G') + 1;
      groups = { value: v.slice(at), offsets: args[i].offsets.slice(at) };
    } else if (v.startsWith('--groups=')) groups = { value: v.slice(9), offsets: args[i].offsets.slice(9) };
  }
  const user = operands(inv).filter((w) => w !== groups).at(-1);
  if (!groups || !user || !isService(user.value)) return [];
  return sudoGroupsIn(script, groups, user, `${inv.name} ${inv.argv.slice(1).map((w) => w.value).join(' ')}`);
}

/** `adduser agent sudo`, `gpasswd -a agent wheel`. */
function groupOperand(script: ShellScript, inv: Invocation, isService: (user: string) => boolean): Detection[] {
  const ops = operands(inv);
  if (ops.length !== 2) return [];
  const [user, group] = ops;
  if (!isService(user.value)) return [];
  return sudoGroupsIn(script, group, user, `${inv.name} ${inv.argv.slice(1).map((w) => w.value).join(' ')}`);
}

function sudoGroupsIn(script: ShellScript, groups: Segment, user: Word, command: string): Detection[] {
  if (user.value === 'root') return [];
  const out: Detection[] = [];
  let at = 0;
  for (const g of groups.value.split(',')) {
    if (SUDO_GROUPS.test(g)) {
      out.push(
        serviceUserSudo.at(spanOf(script, groups, at, at + g.length), {
          message: `\`${command}\` puts ${user.value} in the ${g} group, which may run any command as root.`,
          key: `group ${g} ${user.value}`,
        }),
      );
    }
    at += g.length + 1;
  }
  return out;
}

function setcapFindings(script: ShellScript, inv: Invocation): Detection[] {
  const ops = operands(inv);
  const caps = ops.find((w) => /cap_net_bind_service/i.test(w.value) && /[+=][a-z]*e/i.test(w.value));
  if (!caps) return [];
  const target = ops.at(-1);
  if (!target || target === caps) return [];
  const m = INTERPRETER.exec(target.value);
  if (!m) return [];
  return [
    setcapInterpreter.at(wordSpan(script, target), {
      message: `\`setcap ${caps.value}\` on ${target.value} (${m[1]}) lets every ${m[1]} program bind ports below 1024.`,
      key: `setcap ${m[1]}`,
    }),
  ];
}

/** A written body split into lines, each keeping its file offsets (for the sudoers parser). */
function linesOf(seg: Segment): { text: string; offsets: number[] }[] {
  const out: { text: string; offsets: number[] }[] = [];
  let cur = { text: '', offsets: [] as number[] };
  for (let i = 0; i < seg.value.length; i++) {
    // `echo -e`/printf bodies spell line breaks as \n.
    const escaped = seg.value[i] === '\\' && seg.value[i + 1] === 'n';
    if (seg.value[i] === '\n' || escaped) {
      if (escaped) i++;
      out.push(cur);
      cur = { text: '', offsets: [] };
    } else {
      cur.text += seg.value[i];
      cur.offsets.push(seg.offsets[i]);
    }
  }
  if (cur.text) out.push(cur);
  return out;
}
