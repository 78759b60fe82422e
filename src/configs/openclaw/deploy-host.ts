import type { Detection } from '../../model/finding.js';
import type { ConfigContext } from '../rule.js';
import { parseUnit, positionInValue } from '../systemd/parse.js';
import { splitEnvironment } from '../systemd/environment.js';
import { scriptOf } from '../shell/check.js';
import { wordSpan, type Invocation, type ShellScript } from '../shell/script.js';
import { isWorld, parsePorts, type PortRange } from '../shared/ports.js';
import { entry, nodeSpan, parseYaml, scalarText, seqItems } from '../formats/yaml.js';
import { bindOf, deployAuth, GATEWAY_PORTS, isGatewayCommand, isOffLoopback, repoAuth, severityOf } from './deploy-auth.js';
import { gatewayBind, gatewayPublished } from './deploy-rules.js';

/** systemd `ExecStart=` of the gateway with `--bind` off loopback, judged with the unit's own Environment=. */
export function checkUnitGateway(path: string, text: string, ctx: ConfigContext): Detection[] {
  const unit = parseUnit(path, text);
  const service = unit.entries.filter((e) => e.section === 'Service');
  const env = service.filter((e) => e.key === 'Environment').flatMap((e) => splitEnvironment(e.value));
  const hasEnvFile = service.some((e) => e.key === 'EnvironmentFile');
  const out: Detection[] = [];
  for (const e of service.filter((x) => x.key === 'ExecStart')) {
    // systemd's prefixes (-, @, :, +, !) sit before the program path.
    const words = [...e.value.matchAll(/"[^"]*"|'[^']*'|\S+/g)].map((m, i) => ({ text: m[0].replace(/^["']|["']$/g, '').replace(i === 0 ? /^[-@:+!]+/ : /^$/, ''), offset: m.index ?? 0 }));
    const texts = words.map((w) => w.text);
    if (!isGatewayCommand(texts)) continue;
    const bind = bindOf(texts);
    if (!bind || !isOffLoopback(bind.value)) continue;
    const auth = deployAuth(env, hasEnvFile, ctx);
    const at = positionInValue(e, words[bind.index].offset);
    out.push(
      gatewayBind.at(at, {
        message: `${path} starts the gateway with --bind ${bind.value}, so it listens beyond loopback on this host; auth: ${auth.why}.`,
        key: `unit bind ${bind.value}`,
        severity: severityOf(auth),
      }),
    );
  }
  return out;
}

function covers(ranges: readonly PortRange[]): number[] {
  return [...GATEWAY_PORTS.keys()].filter((p) => ranges.some((r) => r.from <= p && p <= r.to));
}

/** `ufw allow 18789` (no `from`, or from anywhere) and iptables ACCEPT for --dport 18789 without -s. */
export function checkFirewallGateway(path: string, text: string, ctx: ConfigContext): Detection[] {
  const script = scriptOf(path, text);
  const out: Detection[] = [];
  for (const inv of script.invocations) {
    const hit = inv.name === 'ufw' ? ufwOpens(inv) : /^ip6?tables$/.test(inv.name) ? iptablesOpens(inv) : undefined;
    if (!hit) continue;
    const auth = repoAuth(ctx);
    const what = hit.ports.map((p) => GATEWAY_PORTS.get(p)).join(' and ');
    out.push(
      gatewayPublished.at(wordSpan(script, hit.word), {
        message: `\`${inv.argv.map((w) => w.value).join(' ')}\` opens ${what} to everyone; auth: ${auth.why}.`,
        key: `${inv.name} ${hit.ports.join(',')}`,
        severity: severityOf(auth),
      }),
    );
  }
  return out;
}

type Word = ShellScript['invocations'][number]['argv'][number];

function ufwOpens(inv: Invocation): { word: Word; ports: number[] } | undefined {
  const args = inv.argv.slice(1);
  const verb = args.findIndex((w) => w.value === 'allow' || w.value === 'limit');
  if (verb < 0 || args.some((w) => w.value === 'out')) return undefined;
  const from = args.findIndex((w) => w.value === 'from');
  if (from >= 0 && !isWorld(args[from + 1]?.value ?? '')) return undefined;
  const portAt = args.findIndex((w) => w.value === 'port');
  const spec = portAt >= 0 ? args[portAt + 1] : args.slice(verb + 1).find((w) => !['in', 'proto', 'tcp', 'udp'].includes(w.value) && !w.value.startsWith('-'));
  if (!spec) return undefined;
  const ports = covers(parsePorts(spec.value.replace(/\/(tcp|udp)$/, '')) ?? []);
  return ports.length ? { word: spec, ports } : undefined;
}

function iptablesOpens(inv: Invocation): { word: Word; ports: number[] } | undefined {
  const v = inv.argv.map((w) => w.value);
  const chain = v.findIndex((w) => w === '-A' || w === '-I' || w === '--append' || w === '--insert');
  if (chain < 0 || !/^(INPUT|DOCKER-USER)$/.test(v[chain + 1] ?? '')) return undefined;
  const target = v.findIndex((w) => w === '-j' || w === '--jump');
  if (v[target + 1] !== 'ACCEPT' || v.some((w) => w === '-s' || w === '--source' || w === '--src-range')) return undefined;
  const d = v.findIndex((w) => w === '--dport' || w === '--dports' || w === '--destination-port');
  if (d < 0) return undefined;
  const ports = covers(parsePorts(v[d + 1] ?? '') ?? []);
  return ports.length ? { word: inv.argv[d + 1], ports } : undefined;
}

/** A Kubernetes Service that exposes 18789/18790 outside the cluster (LoadBalancer or NodePort). */
export function checkServiceGateway(text: string, ctx: ConfigContext): Detection[] {
  const file = parseYaml(text, '1.1');
  const out: Detection[] = [];
  for (const doc of file.docs) {
    if (scalarText(entry(doc.contents, 'kind')?.value) !== 'Service') continue;
    const spec = entry(doc.contents, 'spec')?.value;
    const type = scalarText(entry(spec, 'type')?.value);
    if (type !== 'LoadBalancer' && type !== 'NodePort') continue;
    const name = scalarText(entry(entry(doc.contents, 'metadata')?.value, 'name')?.value) ?? 'Service';
    for (const p of seqItems(entry(spec, 'ports')?.value)) {
      const ports = ['port', 'targetPort'].map((k) => Number(scalarText(entry(p, k)?.value))).filter((n) => GATEWAY_PORTS.has(n));
      if (!ports.length) continue;
      const auth = repoAuth(ctx);
      out.push(
        gatewayPublished.at(nodeSpan(file, p), {
          message: `Service ${name} (type ${type}) exposes ${GATEWAY_PORTS.get(ports[0])} outside the cluster; auth: ${auth.why}.`,
          key: `k8s ${name} ${ports[0]}`,
          severity: severityOf(auth),
        }),
      );
    }
  }
  return out;
}
