import type { Detection } from '../../model/finding.js';
import { judgeFirewall, type FirewallRule } from '../firewall/model.js';
import { parsePorts, type PortRange } from '../shared/ports.js';
import type { Word } from './lex.js';
import { member, readJson } from '../formats/json-pos.js';
import { spanOf, wordSpan, type Invocation, type ShellScript } from './script.js';

/**
 * Cloud firewalls opened from a script with the providers' own CLIs, read into the shared
 * firewall model: `doctl compute firewall create|add-rules --inbound-rules …`, `hcloud firewall
 * add-rule --direction in …`, `gcloud compute firewall-rules create --allow …` and `aws ec2
 * authorize-security-group-ingress`. A value the script takes from a variable is not judged.
 */
export function checkProviderFirewalls(script: ShellScript): Detection[] {
  return judgeFirewall(providerFirewallRules(script));
}

/** The inbound rules those CLI calls create, for other judgements over the same model (the OpenClaw gateway). */
export function providerFirewallRules(script: ShellScript): FirewallRule[] {
  const rules: FirewallRule[] = [];
  for (const inv of script.invocations) {
    if (inv.name === 'doctl' && verb(inv, ['compute', 'firewall'], /^(create|add-rules|update)$/)) rules.push(...doctlRules(script, inv));
    else if (inv.name === 'hcloud' && verb(inv, ['firewall'], /^add-rule$/)) rules.push(...hcloudRules(script, inv));
    else if (inv.name === 'gcloud' && verb(inv, ['compute', 'firewall-rules'], /^create$/)) rules.push(...gcloudRules(script, inv));
    else if (inv.name === 'aws' && verb(inv, ['ec2'], /^authorize-security-group-ingress$/)) rules.push(...awsRules(script, inv));
    else if (inv.name === 'linode-cli' && verb(inv, ['firewalls'], /^(create|rules-update)$/)) rules.push(...linodeRules(script, inv));
  }
  return rules;
}

/**
 * Whether the command group `path` and then a verb matching `re` appear in order: the last group
 * word right before the verb, the others anywhere earlier, since global flags may sit between
 * them (`gcloud compute --project=x firewall-rules create`).
 */
function verb(inv: Invocation, path: string[], re: RegExp): boolean {
  const words = inv.argv.map((w) => w.value);
  const at = words.findIndex((w, i) => w === path.at(-1) && re.test(words[i + 1] ?? ''));
  let from = 0;
  for (const p of path.slice(0, -1)) {
    from = words.indexOf(p, from) + 1;
    if (from === 0 || from > at) return false;
  }
  return at >= 0;
}

/** A flag's values, `--name value` or `--name=value`, each with the word and where the value starts in it. */
interface FlagValue {
  value: string;
  word: Word;
  from: number;
}

function flagValues(inv: Invocation, name: string): FlagValue[] {
  const out: FlagValue[] = [];
  inv.argv.forEach((w, i) => {
    if (w.value === name && inv.argv[i + 1]) out.push({ value: inv.argv[i + 1].value, word: inv.argv[i + 1], from: 0 });
    else if (w.value.startsWith(name + '=')) out.push({ value: w.value.slice(name.length + 1), word: w, from: name.length + 1 });
  });
  return out;
}

const unknown = (v: string) => /[$`]/.test(v);

/** A port text as the model's ranges: `all`/`any`/`0` (DigitalOcean's "every port"), `22`, `8000-9000`. */
function portsOf(text: string): PortRange[] | 'all' | undefined {
  if (/^(all|any|0)$/i.test(text.trim())) return 'all';
  return parsePorts(text);
}

function rule(script: ShellScript, at: FlagValue | Word, source: string, protocol: string, ports: PortRange[] | 'all', portText: string, named: string, origin: string, sourceField: string, offset = 0): FirewallRule {
  const span = 'word' in at ? spanOf(script, at.word, at.from + offset, at.from + offset + source.length) : wordSpan(script, at);
  // AWS's protocol -1 (and "all") admits every port, whatever ports the rule also names.
  const every = /^(all|-1)$/.test(protocol);
  return { direction: 'in', protocol: every ? 'all' : protocol, ...(ports === 'all' || every ? {} : { ports }), source, action: 'allow', portText: every ? 'all' : portText, at: span, named, origin, sourceField };
}

/** `--inbound-rules "protocol:tcp,ports:22,address:0.0.0.0/0 protocol:tcp,ports:80,address:::/0"`: rules split by spaces, fields by commas. */
function doctlRules(script: ShellScript, inv: Invocation): FirewallRule[] {
  const out: FirewallRule[] = [];
  for (const flag of flagValues(inv, '--inbound-rules')) {
    let at = 0;
    for (const part of flag.value.split(' ')) {
      const fields = part.split(',').map((f) => [f.slice(0, f.indexOf(':')), f.slice(f.indexOf(':') + 1)] as const);
      const protocol = fields.find(([k]) => k === 'protocol')?.[1].toLowerCase() ?? '';
      const portText = fields.find(([k]) => k === 'ports')?.[1] ?? 'all';
      const ports = portsOf(portText);
      if (protocol && ports && !unknown(part)) {
        let offset = at;
        for (const f of part.split(',')) {
          if (f.startsWith('address:')) out.push(rule(script, flag, f.slice(8), protocol, ports, portText, `\`doctl compute firewall\` rule "${protocol}:${portText}"`, 'doctl --inbound-rules', 'address:', offset + 8));
          offset += f.length + 1;
        }
      }
      at += part.length + 1;
    }
  }
  return out;
}

/** `hcloud firewall add-rule NAME --direction in --protocol tcp --port 22 --source-ips 0.0.0.0/0,::/0`. */
function hcloudRules(script: ShellScript, inv: Invocation): FirewallRule[] {
  if (flagValues(inv, '--direction')[0]?.value !== 'in') return [];
  const protocol = flagValues(inv, '--protocol')[0]?.value.toLowerCase() ?? '';
  const portText = flagValues(inv, '--port')[0]?.value ?? 'all';
  const ports = portsOf(portText);
  if (!protocol || !ports || unknown(portText)) return [];
  return flagValues(inv, '--source-ips').flatMap((flag) => sourcesIn(flag).map(([source, offset]) => rule(script, flag, source, protocol, ports, portText, `\`hcloud firewall add-rule\` (${protocol} ${portText})`, 'hcloud --source-ips', '--source-ips', offset)));
}

/** Comma-separated values of one flag, each with its offset in the value. */
function sourcesIn(flag: FlagValue): [string, number][] {
  const out: [string, number][] = [];
  let at = 0;
  for (const s of flag.value.split(',')) {
    if (s) out.push([s, at]);
    at += s.length + 1;
  }
  return out;
}

/**
 * `gcloud compute firewall-rules create NAME --allow tcp:22,tcp:5432` (or `--action allow
 * --rules …`). gcloud's own help: without --source-ranges, --source-tags (or source service
 * accounts) the source is 0.0.0.0/0.
 */
function gcloudRules(script: ShellScript, inv: Invocation): FirewallRule[] {
  const direction = flagValues(inv, '--direction')[0]?.value.toUpperCase() ?? 'INGRESS';
  if (direction !== 'INGRESS' && direction !== 'IN') return [];
  const action = flagValues(inv, '--action')[0]?.value.toUpperCase();
  const allowed = [...flagValues(inv, '--allow'), ...(action === 'ALLOW' ? flagValues(inv, '--rules') : [])].flatMap((f) => f.value.split(','));
  const ranges = flagValues(inv, '--source-ranges');
  const narrowed = flagValues(inv, '--source-tags').length || flagValues(inv, '--source-service-accounts').length;
  const sources: [FlagValue | Word, string, number][] = ranges.length ? ranges.flatMap((f) => sourcesIn(f).map(([s, o]): [FlagValue, string, number] => [f, s, o])) : narrowed ? [] : [[inv.argv[0], '0.0.0.0/0', 0]];
  const out: FirewallRule[] = [];
  for (const entry of allowed) {
    const [protocol, portText = 'all'] = entry.toLowerCase().split(':');
    const ports = portsOf(portText);
    if (!ports || unknown(entry)) continue;
    const origin = ranges.length ? 'gcloud --source-ranges' : 'gcloud, no --source-ranges, so 0.0.0.0/0';
    for (const [at, source, offset] of sources) out.push(rule(script, at, source, protocol, ports, portText, `\`gcloud compute firewall-rules create\` (${entry})`, origin, '--source-ranges', offset));
  }
  return out;
}

/** `aws ec2 authorize-security-group-ingress --protocol tcp --port 22 --cidr 0.0.0.0/0`, or `--ip-permissions` (shorthand or JSON). */
function awsRules(script: ShellScript, inv: Invocation): FirewallRule[] {
  const out: FirewallRule[] = [];
  const protocol = flagValues(inv, '--protocol')[0]?.value.toLowerCase();
  const portText = flagValues(inv, '--port')[0]?.value ?? 'all';
  const ports = portText === '-1' ? 'all' : portsOf(portText);
  if (protocol && ports && !unknown(portText)) {
    for (const flag of flagValues(inv, '--cidr')) out.push(rule(script, flag, flag.value, protocol, ports, portText, `\`aws ec2 authorize-security-group-ingress\` (${protocol} ${portText})`, 'aws --cidr', '--cidr'));
  }
  for (const flag of flagValues(inv, '--ip-permissions')) {
    // One permission per IpProtocol, in the shorthand (`IpProtocol=tcp,FromPort=22,…`) and in JSON alike.
    const starts = [...flag.value.matchAll(/IpProtocol/g)].map((m) => m.index);
    starts.forEach((start, i) => {
      const chunk = flag.value.slice(start, starts[i + 1] ?? flag.value.length);
      const field = (name: string) => new RegExp(`${name}"?\\s*[=:]\\s*"?(-?[\\w.:/]+)`).exec(chunk)?.[1];
      const proto = field('IpProtocol')?.toLowerCase();
      const from = field('FromPort');
      const to = field('ToPort') ?? from;
      const text = from === undefined || from === '-1' ? 'all' : from === to ? from : `${from}-${to}`;
      const range = portsOf(text);
      if (!proto || !range || unknown(chunk)) return;
      for (const m of chunk.matchAll(/CidrIp(?:v6)?"?\s*[=:]\s*"?([0-9a-fA-F.:]+\/\d+)/g)) {
        const offset = start + m.index + m[0].length - m[1].length;
        out.push(rule(script, flag, m[1], proto, range, text, `\`aws ec2 authorize-security-group-ingress\` (${proto} ${text})`, 'aws --ip-permissions', 'CidrIp', offset));
      }
    });
  }
  return out;
}

/**
 * `linode-cli firewalls rules-update ID --inbound '[{"action":"ACCEPT","ports":"22","addresses":{"ipv4":[…]}}]'`
 * (`--rules.inbound` on create): the rules array in JSON. An address the script splices in
 * (`"'$HOME_IP'"`) is a variable and is not judged.
 */
function linodeRules(script: ShellScript, inv: Invocation): FirewallRule[] {
  const out: FirewallRule[] = [];
  for (const flag of [...flagValues(inv, '--inbound'), ...flagValues(inv, '--rules.inbound')]) {
    const parsed = readJson(flag.value, { shellValues: true });
    if (!parsed.ok || parsed.node.kind !== 'array') continue;
    for (const item of parsed.node.items) {
      const text = (key: string) => { const n = member(item, key); return n?.kind === 'string' ? n.value : undefined; };
      if (text('action')?.toUpperCase() !== 'ACCEPT') continue;
      const protocol = (text('protocol') ?? '').toLowerCase();
      const portText = text('ports') ?? 'all';
      const ports = portsOf(portText);
      if (!protocol || !ports || unknown(portText)) continue;
      const addresses = member(item, 'addresses');
      for (const family of ['ipv4', 'ipv6']) {
        const list = member(addresses, family);
        for (const a of list?.kind === 'array' ? list.items : []) {
          if (a.kind !== 'string' || unknown(a.value)) continue;
          out.push(rule(script, flag, a.value, protocol, ports, portText, `\`linode-cli firewalls\` rule "${text('label') ?? `${protocol} ${portText}`}"`, 'linode-cli --inbound', 'addresses', a.start + 1));
        }
      }
    }
  }
  return out;
}
