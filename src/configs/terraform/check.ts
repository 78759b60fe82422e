import { LineIndex } from '../../model/line-index.js';
import { baseName, type ConfigCheck, type ConfigContext, type Span } from '../rule.js';
import { parseError } from '../parse-error.js';
import { parseHcl, resolveReference, symbolTables } from '../formats/hcl.js';
import { FIREWALL_RULES, judgeFirewall, type FirewallRule } from '../firewall/model.js';
import { parsePorts, type PortRange } from '../shared/ports.js';
import { checkFirewallRulesGateway } from '../openclaw/deploy-firewall.js';
import { dbServiceExposed } from '../containers/rules.js';
import { terraformServices } from './kubernetes-service.js';

type Obj = Record<string, unknown>;

/** How each provider's firewall resource spells a rule: the block, its ports and its sources. */
interface Shape {
  /** Nested rule blocks, or undefined when the resource is itself one rule. */
  block?: string;
  ports(rule: Obj, resource: Obj): PortRange[] | undefined | 'all' | 'unknown';
  protocol(rule: Obj): string;
  sources(rule: Obj, resource: Obj): unknown[];
  inbound(rule: Obj, resource: Obj): boolean;
  sourceField: string;
}

const str = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

/** AWS from_port/to_port: protocol -1 (or 0..0) is every port. */
function awsPorts(rule: Obj): PortRange[] | 'all' | 'unknown' {
  const from = Number(str(rule.from_port));
  const to = Number(str(rule.to_port || rule.from_port));
  if (!Number.isInteger(from) || !Number.isInteger(to)) return 'unknown';
  if (str(rule.protocol ?? rule.ip_protocol) === '-1' || (from === 0 && (to === 0 || to === 65535))) return 'all';
  return [{ from, to }];
}

function textPorts(value: unknown): PortRange[] | 'all' | 'unknown' | undefined {
  const parts = list(value).map(str);
  if (!parts.length) return undefined;
  if (parts.some((p) => /^(all|any|\*)$/i.test(p) || p === '1-65535' || p === '0-65535')) return 'all';
  // Vultr writes a range as `8000:9000`.
  const ranges = parts.map((p) => parsePorts(p.replace(/^(\d+):(\d+)$/, '$1-$2')));
  return ranges.every((r) => r) ? ranges.flatMap((r) => r!) : 'unknown';
}

function vultrSources(rule: Obj): unknown[] {
  if (rule.network !== undefined) return list(rule.network);
  const subnet = str(rule.subnet);
  const size = str(rule.subnet_size);
  return subnet && size ? [`${subnet}/${size}`] : [];
}

const azurePorts = (rule: Obj) => textPorts([...list(rule.destination_port_range), ...list(rule.destination_port_ranges)]) ?? 'unknown';
const azureSources = (rule: Obj): unknown[] => [...list(rule.source_address_prefix), ...list(rule.source_address_prefixes)];
const azureInboundAllow = (rule: Obj): boolean => str(rule.direction).toLowerCase() === 'inbound' && str(rule.access).toLowerCase() === 'allow';

const SHAPES: Record<string, Shape> = {
  aws_security_group: { block: 'ingress', ports: awsPorts, protocol: (r) => str(r.protocol), sources: (r) => [...list(r.cidr_blocks), ...list(r.ipv6_cidr_blocks)], inbound: () => true, sourceField: 'cidr_blocks' },
  aws_security_group_rule: { ports: awsPorts, protocol: (r) => str(r.protocol), sources: (r) => [...list(r.cidr_blocks), ...list(r.ipv6_cidr_blocks)], inbound: (r) => str(r.type) === 'ingress', sourceField: 'cidr_blocks' },
  aws_vpc_security_group_ingress_rule: { ports: awsPorts, protocol: (r) => str(r.ip_protocol), sources: (r) => [...list(r.cidr_ipv4), ...list(r.cidr_ipv6)], inbound: () => true, sourceField: 'cidr_ipv4' },
  digitalocean_firewall: { block: 'inbound_rule', ports: (r) => textPorts(r.port_range) ?? 'all', protocol: (r) => str(r.protocol), sources: (r) => list(r.source_addresses), inbound: () => true, sourceField: 'source_addresses' },
  hcloud_firewall: { block: 'rule', ports: (r) => textPorts(r.port) ?? 'all', protocol: (r) => str(r.protocol), sources: (r) => list(r.source_ips), inbound: (r) => str(r.direction) !== 'out', sourceField: 'source_ips' },
  // GCP: one resource, several allow blocks sharing its source_ranges; no ports means every port.
  // Linode: `inbound` blocks, each ACCEPT or DROP, with `ipv4`/`ipv6` lists; no ports means every port.
  linode_firewall: { block: 'inbound', ports: (r) => textPorts(r.ports) ?? 'all', protocol: (r) => str(r.protocol), sources: (r) => [...list(r.ipv4), ...list(r.ipv6)], inbound: (r) => str(r.action).toUpperCase() === 'ACCEPT', sourceField: 'ipv4' },
  // Vultr: one rule per resource, the source split into `subnet` and `subnet_size` (provider v1 wrote `network`).
  vultr_firewall_rule: { ports: (r) => textPorts(r.port ?? r.from_port) ?? 'all', protocol: (r) => str(r.protocol), sources: vultrSources, inbound: () => true, sourceField: 'subnet' },
  // Azure: `security_rule` blocks of a group, or one `azurerm_network_security_rule`; `*` is any port, protocol or source.
  azurerm_network_security_group: { block: 'security_rule', ports: azurePorts, protocol: (r) => str(r.protocol), sources: azureSources, inbound: azureInboundAllow, sourceField: 'source_address_prefix' },
  azurerm_network_security_rule: { ports: azurePorts, protocol: (r) => str(r.protocol), sources: azureSources, inbound: azureInboundAllow, sourceField: 'source_address_prefix' },
  google_compute_firewall: { block: 'allow', ports: (r) => textPorts(r.ports) ?? 'all', protocol: (r) => str(r.protocol), sources: (_r, res) => list(res.source_ranges), inbound: (_r, res) => str(res.direction || 'INGRESS').toUpperCase() === 'INGRESS', sourceField: 'source_ranges' },
};

const varsCache = new WeakMap<ConfigContext, Map<string, ReturnType<typeof symbolTables>>>();

/** The variables and locals of the module (the `.tf` files of one folder), with `*.auto.tfvars`/`terraform.tfvars` values over defaults. */
function moduleSymbols(path: string, body: Obj, ctx: ConfigContext): ReturnType<typeof symbolTables> {
  const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : '';
  const byDir = varsCache.get(ctx) ?? new Map<string, ReturnType<typeof symbolTables>>();
  varsCache.set(ctx, byDir);
  const cached = byDir.get(dir);
  if (cached) return cached;
  const siblings = ctx.paths().filter((p) => p.startsWith(dir) && !p.slice(dir.length).includes('/'));
  const bodies = siblings.filter((p) => p.endsWith('.tf') && p !== path).flatMap((p): Obj[] => { const b = parseHcl(ctx.read(p) ?? '').body; return b ? [b] : []; });
  const tables = symbolTables([body, ...bodies]);
  for (const p of siblings.filter((x) => /(^|\/)(terraform\.tfvars|[^/]+\.auto\.tfvars)$/.test(x))) {
    for (const [k, v] of Object.entries(parseHcl(ctx.read(p) ?? '').body ?? {})) tables.vars.set(k, v);
  }
  byDir.set(dir, tables);
  return tables;
}

export const terraformCheck: ConfigCheck = {
  name: 'terraform',
  rules: [...FIREWALL_RULES, dbServiceExposed],
  applies(path, text) {
    return /\.tf$/i.test(baseName(path)) && /resource\s+"(aws_security_group|aws_security_group_rule|aws_vpc_security_group_ingress_rule|digitalocean_firewall|hcloud_firewall|google_compute_firewall|linode_firewall|vultr_firewall_rule|azurerm_network_security_group|azurerm_network_security_rule|kubernetes_service|kubernetes_service_v1)"/.test(text);
  },
  check(path, text, ctx) {
    const parsed = parseHcl(text);
    if (!parsed.body) return [parseError(path, { line: 1 }, parsed.problem ?? 'HCL could not be read', 'hcl')];
    const { vars, locals } = moduleSymbols(path, parsed.body, ctx);
    const resolve = (v: unknown): unknown[] => list(resolveReference(v, vars, locals)).map((x) => resolveReference(x, vars, locals));
    const lines = new LineIndex(text);
    const rules: FirewallRule[] = [];
    const resources = (parsed.body.resource ?? {}) as Record<string, Record<string, Obj[]>>;
    for (const [type, shape] of Object.entries(SHAPES)) {
      for (const [name, instances] of Object.entries(resources[type] ?? {})) {
        // Plain `var.x` and `local.x` values stand in for what Terraform would substitute.
        const resolved = (o: Obj): Obj => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, resolveReference(v, vars, locals)]));
        const resource = resolved(instances[0] ?? {});
        const blocks = shape.block ? list(resource[shape.block]).filter((b): b is Obj => typeof b === 'object' && b !== null).map(resolved) : [resource];
        blocks.forEach((rule, k) => {
          if (!shape.inbound(rule, resource)) return;
          const ports = shape.ports(rule, resource);
          if (ports === 'unknown') return;
          const protocol = shape.protocol(rule).toLowerCase();
          const at = locate(text, lines, type, name, shape.block, k, shape.sourceField);
          const portText = ports === 'all' || ports === undefined ? 'all' : ports.map((p) => (p.to > p.from ? `${p.from}-${p.to}` : String(p.from))).join(',');
          for (const source of shape.sources(rule, resource).flatMap(resolve)) {
            if (typeof source !== 'string' || source.includes('${')) continue;
            rules.push({
              direction: 'in',
              protocol: protocol === '-1' || protocol === 'all' || protocol === '*' ? 'all' : protocol,
              ...(ports === 'all' || ports === undefined ? {} : { ports }),
              source,
              action: 'allow',
              portText,
              at,
              named: `${type}.${name}${shape.block ? ` ${shape.block} ${k + 1}` : ''}`,
              origin: baseName(path),
              sourceField: shape.sourceField,
            });
          }
        });
      }
    }
    const services = terraformServices(resources, (o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, resolveReference(v, vars, locals)])), (t, n, b, k, f) => locate(text, lines, t, n, b, k, f));
    return [...judgeFirewall(rules), ...checkFirewallRulesGateway(rules, text, ctx), ...services];
  },
};

/** The line of the k-th rule block of a resource (its source field when it has one), found in the text. */
function locate(text: string, lines: LineIndex, type: string, name: string, block: string | undefined, k: number, field: string): Span {
  const header = new RegExp(`^[ \\t]*resource\\s+"${type}"\\s+"${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`, 'm').exec(text);
  if (!header) return { line: 1, column: 1 };
  const rest = text.slice(header.index + header[0].length);
  const next = /^(resource|data|module|variable|locals|output|provider|terraform)\b/m.exec(rest);
  const region = rest.slice(0, next ? next.index : rest.length);
  let from = 0;
  if (block) {
    const re = new RegExp(`^[ \\t]*${block}\\s*\\{`, 'gm');
    for (let i = 0; i <= k; i++) {
      const m = re.exec(region);
      if (!m) break;
      from = m.index;
    }
  }
  const src = new RegExp(`^[ \\t]*${field}\\s*=`, 'm').exec(region.slice(from));
  const offset = header.index + header[0].length + from + (src ? src.index + (/^[ \t]*/.exec(src[0])?.[0].length ?? 0) : (/^[ \t]*/.exec(region.slice(from))?.[0].length ?? 0));
  const p = lines.position(offset);
  return { line: p.line, column: p.column };
}
