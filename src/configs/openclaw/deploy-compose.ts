import { posix } from 'node:path';
import type { Node } from 'yaml';
import type { Detection } from '../../model/finding.js';
import type { ConfigContext } from '../rule.js';
import { entry, mapEntries, nodeSpan, parseYaml, scalarText, seqItems, type MapEntry, type YamlFile } from '../formats/yaml.js';
import { bindsPublicly, parsePortSpec } from '../containers/port-spec.js';
import { BROWSER_PORTS, bindOf, deployAuth, GATEWAY_PORTS, isOffLoopback, looksLikeOpenClaw, severityOf, withDefaults, type DeployAuth } from './deploy-auth.js';
import { parseDotenv } from '../dotenv/parse.js';
import { dockerSocket, gatewayBind, gatewayPublished } from './deploy-rules.js';

/**
 * The gateway in a compose file: published ports judged with the auth the same service gets.
 * Inside a container `--bind lan` is required (loopback is the container's own), so the bind is
 * judged only where the container shares the host's network; otherwise publishing decides.
 */
export function checkComposeGateway(path: string, text: string, ctx: ConfigContext): Detection[] {
  const file = parseYaml(text, '1.2');
  // Compose fills ${VAR} from the .env beside the file: a literal token there is auth too.
  const dotenv = new Map(parseDotenv(ctx.read(posix.join(posix.dirname(path), '.env')) ?? '').entries.map((e) => [e.name, e.value]));
  const out: Detection[] = [];
  for (const doc of file.docs) {
    for (const service of mapEntries(entry(doc.contents, 'services')?.value)) out.push(...checkService(file, service, ctx, dotenv));
  }
  return out;
}

function checkService(file: YamlFile, service: MapEntry, ctx: ConfigContext, dotenv: ReadonlyMap<string, string>): Detection[] {
  const out: Detection[] = [];
  const name = service.key;
  const image = scalarText(entry(service.value, 'image')?.value) ?? '';
  const commandNode = entry(service.value, 'command')?.value ?? entry(service.value, 'entrypoint')?.value;
  const words = commandWords(commandNode);
  const openclaw = looksLikeOpenClaw(`${name} ${image} ${words.map((w) => w.text).join(' ')}`);
  let auth: DeployAuth | undefined;
  const authOf = () => (auth ??= deployAuth(envOf(service.value, dotenv), entry(service.value, 'env_file') !== undefined, ctx));

  for (const item of seqItems(entry(service.value, 'ports')?.value)) {
    const p = publishedPort(item);
    if (!p || !bindsPublicly(p.hostIp)) continue;
    const gateway = GATEWAY_PORTS.get(p.port);
    const browser = openclaw ? BROWSER_PORTS.get(p.port) : undefined;
    const what = gateway ?? browser;
    if (!what) continue;
    const a = authOf();
    // The sandbox browser has no auth of its own: the gateway's token does not guard it.
    const severity = browser ? 'critical' : severityOf(a);
    out.push(
      gatewayPublished.at(nodeSpan(file, item), {
        message: `Service ${name} publishes ${what} on ${p.hostIp ? `the address ${p.hostIp}` : 'all interfaces'} ("${p.text}")${browser ? '' : `; auth: ${a.why}`}.`,
        key: `compose ${name} ${p.port}`,
        severity,
      }),
    );
  }

  const network = entry(service.value, 'network_mode');
  const bind = bindOf(words.map((w) => w.text));
  if (network && scalarText(network.value) === 'host' && bind && isOffLoopback(bind.value)) {
    const a = authOf();
    out.push(
      gatewayBind.at(nodeSpan(file, words[bind.index].node), {
        message: `Service ${name} runs the gateway with --bind ${bind.value} and network_mode: host, so it listens on every interface of the host; auth: ${a.why}.`,
        key: `compose ${name} bind ${bind.value}`,
        severity: severityOf(a),
      }),
    );
  }

  if (openclaw) {
    for (const v of seqItems(entry(service.value, 'volumes')?.value)) {
      const short = scalarText(v);
      const source = short !== undefined ? short.split(':')[0] : scalarText(entry(v, 'source')?.value);
      if (source && /(?:^|\/)docker\.sock$/.test(withDefaults(source))) {
        out.push(dockerSocket.at(nodeSpan(file, v), { message: `Service ${name} mounts ${source} into the gateway.`, key: `compose ${name} docker.sock` }));
      }
    }
  }
  return out;
}

interface PublishedPort {
  port: number;
  hostIp?: string;
  text: string;
}

/** Short (`"127.0.0.1:18789:18789"`, with `${VAR:-default}` at its default) or long syntax. */
function publishedPort(item: Node): PublishedPort | undefined {
  const short = scalarText(item);
  if (short !== undefined) {
    const spec = parsePortSpec(withDefaults(short));
    if (!spec || spec.containerPort.includes('-')) return undefined;
    return { port: Number(spec.containerPort), ...(spec.hostIp !== undefined ? { hostIp: spec.hostIp } : {}), text: short };
  }
  const target = scalarText(entry(item, 'target')?.value);
  if (!target || !/^\d+$/.test(target)) return undefined;
  const hostIp = scalarText(entry(item, 'host_ip')?.value);
  return { port: Number(target), ...(hostIp !== undefined ? { hostIp: withDefaults(hostIp) } : {}), text: `target ${target}${hostIp ? `, host_ip ${hostIp}` : ', no host_ip'}` };
}

/** `command:` as a list (each word its own node) or a string (words share its node). */
function commandWords(node: unknown): { text: string; node: Node }[] {
  const items = seqItems(node);
  if (items.length) return items.flatMap((n) => (scalarText(n) !== undefined ? [{ text: scalarText(n) as string, node: n }] : []));
  const s = scalarText(node);
  return s === undefined ? [] : s.split(/\s+/).filter(Boolean).map((text) => ({ text, node: node as Node }));
}

function envOf(service: unknown, dotenv: ReadonlyMap<string, string>): { name: string; value: string }[] {
  const env = entry(service, 'environment')?.value;
  const out = mapEntries(env).map((e) => ({ name: e.key, value: scalarText(e.value) ?? '' }));
  for (const item of seqItems(env)) {
    const t = scalarText(item) ?? '';
    const eq = t.indexOf('=');
    if (eq > 0) out.push({ name: t.slice(0, eq), value: t.slice(eq + 1) });
  }
  return out.map((e) => {
    const ref = /^\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?-[^}]*)?\}$/.exec(e.value.trim());
    const filled = ref ? dotenv.get(ref[1]) : undefined;
    return filled ? { ...e, value: filled } : e;
  });
}
