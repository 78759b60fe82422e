import type { Detection } from '../../model/finding.js';
import { configRule } from '../rule.js';
import { describeDatabases, exposureOf, isWorld, parsePorts, SERVICE_PORTS, type PortRange } from '../shared/ports.js';
import type { FirewallRule } from '../firewall/model.js';
import type { Word } from './lex.js';
import { replaceRaw, wordSpan, type Invocation, type ShellScript } from './script.js';

export const ufwDatabasePublic = configRule({
  id: 'ufw-database-public',
  title: 'ufw opens a database port to the internet',
  severity: 'high',
  why: 'Databases must never be reachable from the internet: the guide keeps them on the private network (10.x).',
  fix: 'Allow the port only from the private network: `ufw allow from 10.0.0.0/8 to any port 5432 proto tcp`.',
});
export const ufwSshPublic = configRule({
  id: 'ufw-ssh-public',
  title: 'ufw opens SSH to the internet',
  severity: 'high',
  why: 'The guide allows SSH only from known addresses (your /32, a bastion or the private network), so scanners never reach sshd.',
  fix: 'Allow SSH only from your address or the private network: `ufw allow from 203.0.113.5/32 to any port 22 proto tcp`.',
});
export const ufwNoDefaultDeny = configRule({
  id: 'ufw-no-default-deny',
  title: 'ufw enabled without a default deny for incoming traffic',
  severity: 'medium',
  why: 'The guide denies all inbound traffic by default and opens only what the app needs; without `ufw default deny incoming` the script relies on whatever policy the image shipped.',
  fix: 'Run `ufw default deny incoming` (and `ufw default allow outgoing`) before `ufw enable`.',
});

export const UFW_RULES = [ufwDatabasePublic, ufwSshPublic, ufwNoDefaultDeny];

/** What an `ufw allow` line opens: where from, to which ports or profile, and the words that say so. */
interface UfwRule {
  action: Word;
  from?: Word;
  /** The destination port spec or application profile. */
  target?: Word;
  proto?: string;
  isApp: boolean;
}

/** A `ufw` invocation's words without flags, and where its verb is (after `insert N` or `prepend`). */
function ufwCommand(inv: Invocation): { args: Word[]; k: number } | undefined {
  if (inv.name !== 'ufw') return undefined;
  const args = inv.argv.slice(1).filter((w) => !w.value.startsWith('-'));
  const k = args[0]?.value === 'insert' ? 2 : args[0]?.value === 'prepend' ? 1 : 0;
  return { args, k };
}

export function checkUfw(script: ShellScript): Detection[] {
  const out: Detection[] = [];
  let defaultDeny = false;
  for (const inv of script.invocations) {
    const command = ufwCommand(inv);
    if (!command) continue;
    const { args, k } = command;
    const verb = args[k]?.value;
    if (verb === 'default') {
      const policy = args[k + 1]?.value;
      const direction = args[k + 2]?.value ?? 'incoming';
      if (direction !== 'incoming') continue;
      defaultDeny = policy === 'deny' || policy === 'reject';
      if (policy === 'allow') {
        out.push(ufwNoDefaultDeny.at(wordSpan(script, args[k + 1]), { message: '`ufw default allow incoming` accepts every inbound connection that no rule blocks.', key: 'ufw default allow incoming', fix: replaceRaw(script, args[k + 1].start, args[k + 1].end, 'deny') }));
      }
    } else if (verb === 'enable' && !defaultDeny) {
      const line = script.lines.position(args[k].start).line;
      const text = script.lines.lineText(line);
      const indent = /^\s*/.exec(text)?.[0] ?? '';
      out.push(
        ufwNoDefaultDeny.at(wordSpan(script, args[k]), {
          message: '`ufw enable` runs with no `ufw default deny incoming` earlier in this script.',
          key: 'ufw enable without default deny',
          fix: { line, replacement: `${indent}ufw default deny incoming\n${text}` },
        }),
      );
    } else if (verb === 'allow' || verb === 'limit') {
      const rule = readRule(args.slice(k));
      if (rule) out.push(...exposureFindings(script, inv, rule));
    }
  }
  return out;
}

/**
 * The script's `ufw allow|limit` rules in the shared firewall model, for checks that judge
 * ports ufw.ts does not (the OpenClaw gateway, remote-control ports). Application profiles
 * count by their port when it is a known service name.
 */
export function ufwRules(script: ShellScript): FirewallRule[] {
  const out: FirewallRule[] = [];
  for (const inv of script.invocations) {
    const command = ufwCommand(inv);
    if (!command) continue;
    const { args, k } = command;
    if (args[k]?.value !== 'allow' && args[k]?.value !== 'limit') continue;
    const rule = readRule(args.slice(k));
    const ports = rule?.target ? rangesOf(rule) : undefined;
    if (!rule?.target || !ports) continue;
    const suffix = /\/(tcp|udp)$/i.exec(rule.target.value)?.[1]?.toLowerCase();
    out.push({
      direction: 'in',
      protocol: rule.proto?.toLowerCase() ?? suffix ?? 'all',
      ports,
      source: rule.from?.value ?? '0.0.0.0/0',
      action: 'allow',
      portText: rule.target.value.replace(/\/(tcp|udp)$/i, ''),
      at: wordSpan(script, rule.from ?? rule.target),
      portAt: wordSpan(script, rule.target),
      named: `\`${inv.argv.map((w) => w.value).join(' ')}\``,
      origin: rule.from ? `ufw, from ${rule.from.value}` : 'ufw, no `from`',
      sourceField: 'from',
    });
  }
  return out;
}

/** ufw's simple (`allow 22/tcp`) and full (`allow proto tcp from X to any port 22`) syntaxes. */
function readRule(words: Word[]): UfwRule | undefined {
  const rule: UfwRule = { action: words[0], isApp: false };
  let i = 1;
  if (words[i]?.value === 'out') return undefined; // outbound rules do not expose the VM
  if (words[i]?.value === 'in') i++;
  if (words[i]?.value === 'on') i += 2;
  if (/^log(-all)?$/.test(words[i]?.value ?? '')) i++;
  const full = /^(proto|from|to|port|app)$/.test(words[i]?.value ?? '');
  if (!full) {
    const spec = words[i];
    if (!spec) return undefined;
    rule.target = spec;
    rule.isApp = parsePorts(spec.value.replace(/\/(tcp|udp)$/, '')) === undefined;
    return rule;
  }
  let side: 'from' | 'to' = 'to';
  for (; i < words.length; i++) {
    const w = words[i].value;
    const next = words[i + 1];
    if (!next) break;
    if (w === 'proto') rule.proto = next.value;
    else if (w === 'from') {
      side = 'from';
      rule.from = next;
    } else if (w === 'to') side = 'to';
    else if ((w === 'port' || w === 'app') && side === 'to') {
      rule.target = next;
      rule.isApp = w === 'app';
    } else if (w !== 'comment') continue;
    i++;
  }
  return rule;
}

function exposureFindings(script: ShellScript, inv: Invocation, rule: UfwRule): Detection[] {
  if (!rule.target || (rule.from && !isWorld(rule.from.value))) return [];
  const ranges = rangesOf(rule);
  if (!ranges) return [];
  const { ssh, databases } = exposureOf(ranges);
  const limited = rule.action.value === 'limit' ? ', rate-limited but still open to everyone' : '';
  const anchor = rule.from ?? rule.target;
  const written = inv.argv.map((w) => w.value).join(' ');
  const command = `\`${written}\` (${rule.from ? `from ${rule.from.value}` : 'no `from`'}${limited})`;
  const last = inv.argv.at(-1)!;
  const fixFor = (source: string, port: string) => {
    // Lower-case names are /etc/services entries (ports); `OpenSSH` and the like are app profiles.
    const service = rule.isApp && /^[a-z]+$/.test(rule.target!.value) ? String(ranges[0].from) : undefined;
    const spec = rule.isApp && !service ? `app ${rule.target!.value}` : `port ${service ?? port}`;
    // SSH and the databases speak TCP only; an app profile carries its own protocols.
    const proto = rule.proto ?? /\/(tcp|udp)$/.exec(rule.target!.value)?.[1] ?? (rule.isApp && !service ? undefined : 'tcp');
    return replaceRaw(script, rule.action.start, last.end, `${rule.action.value} from ${source} to any ${spec}${proto ? ` proto ${proto}` : ''}`);
  };
  const out: Detection[] = [];
  const portText = rule.target.value.replace(/\/(tcp|udp)$/, '');
  if (databases.length) {
    out.push(
      ufwDatabasePublic.at(wordSpan(script, anchor), {
        message: `${command} opens ${describeDatabases(databases)} to the internet.`,
        key: `ufw ${rule.action.value} ${portText} world`,
        fix: fixFor('10.0.0.0/8', portText),
      }),
    );
  }
  if (ssh) {
    out.push(
      ufwSshPublic.at(wordSpan(script, anchor), {
        message: `${command} opens SSH (22) to the internet.`,
        key: `ufw ${rule.action.value} ${portText} world ssh`,
        fix: fixFor('10.0.0.0/8', portText),
      }),
    );
  }
  return out;
}

function rangesOf(rule: UfwRule): PortRange[] | undefined {
  const text = rule.target!.value.replace(/\/(tcp|udp)$/i, '');
  if (rule.isApp) {
    const port = SERVICE_PORTS.get(text.toLowerCase());
    return port === undefined ? undefined : [{ from: port, to: port }];
  }
  return parsePorts(text);
}
