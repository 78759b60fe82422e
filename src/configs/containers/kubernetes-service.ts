import type { Document } from 'yaml';
import type { Detection } from '../../model/finding.js';
import { classifyHost } from '../dburl/hosts.js';
import { DATABASE_PORTS, describeDatabases, isWorld, SERVICE_PORTS } from '../shared/ports.js';
import { entry, mapEntries, nodeSpan, scalarText, seqItems, type YamlFile } from '../formats/yaml.js';
import { dbServiceExposed } from './rules.js';
import type { Span } from '../rule.js';

/**
 * Annotations that make a cloud provider's load balancer internal (an address on the VPC only),
 * with the value that says so. The AWS legacy controller takes any value but "false".
 */
const INTERNAL_LB: ReadonlyArray<[string, RegExp]> = [
  ['service.beta.kubernetes.io/aws-load-balancer-internal', /^(?!false$)./i],
  ['service.beta.kubernetes.io/aws-load-balancer-scheme', /^internal$/i],
  ['networking.gke.io/load-balancer-type', /^internal$/i],
  ['cloud.google.com/load-balancer-type', /^internal$/i],
  ['service.beta.kubernetes.io/azure-load-balancer-internal', /^true$/i],
  ['service.beta.kubernetes.io/oci-load-balancer-internal', /^true$/i],
  ['service.beta.kubernetes.io/openstack-internal-load-balancer', /^true$/i],
  ['service.kubernetes.io/ibm-load-balancer-cloud-provider-ip-type', /^private$/i],
];

/** A Service as written, whatever the file: YAML manifests and Terraform's `kubernetes_service`. */
export interface ServiceModel {
  name: string;
  type: string | undefined;
  annotations: ReadonlyMap<string, string>;
  sourceRanges: string[];
  /** Each port entry: its `port` and `targetPort` as written, and where to report it. */
  ports: { written: (string | undefined)[]; at: Span }[];
}

/** A `kind: Service` of type LoadBalancer or NodePort whose port or targetPort is a database's. */
export function checkService(file: YamlFile, doc: Document.Parsed): Detection[] {
  const spec = entry(doc.contents, 'spec')?.value;
  const metadata = entry(doc.contents, 'metadata')?.value;
  return judgeService({
    name: scalarText(entry(metadata, 'name')?.value) ?? 'Service',
    type: scalarText(entry(spec, 'type')?.value),
    annotations: new Map(mapEntries(entry(metadata, 'annotations')?.value).map((e) => [e.key, scalarText(e.value) ?? ''])),
    sourceRanges: seqItems(entry(spec, 'loadBalancerSourceRanges')?.value).flatMap((n) => scalarText(n) ?? []),
    ports: seqItems(entry(spec, 'ports')?.value).map((p) => ({ written: ['port', 'targetPort'].map((k) => scalarText(entry(p, k)?.value)), at: nodeSpan(file, p) })),
  });
}

export function judgeService(service: ServiceModel): Detection[] {
  const { type, name, annotations } = service;
  if (type !== 'LoadBalancer' && type !== 'NodePort') return [];
  if (type === 'LoadBalancer' && INTERNAL_LB.some(([key, on]) => on.test(annotations.get(key) ?? ''))) return [];
  const reach = type === 'LoadBalancer' ? sourceRanges(service.sourceRanges, annotations) : { severity: 'medium' as const, how: "on every node's addresses, which no source range narrows" };
  if (!reach) return [];
  const out: Detection[] = [];
  for (const p of service.ports) {
    const dbs = [...new Set(p.written.map(portNumber))].flatMap((n) => (n && DATABASE_PORTS.has(n) ? [[n, DATABASE_PORTS.get(n) as string] as [number, string]] : []));
    if (!dbs.length) continue;
    out.push(
      dbServiceExposed.at(p.at, {
        message: `Service ${name} (type ${type}) exposes ${describeDatabases(dbs)} ${reach.how}.`,
        key: `service ${name} ${dbs[0][0]}`,
        severity: reach.severity,
      }),
    );
  }
  return out;
}

/** A number, or a named port (`targetPort: postgres`) read as the port that name usually stands for. */
function portNumber(text: string | undefined): number | undefined {
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text);
  const named = SERVICE_PORTS.get(text.toLowerCase());
  return named === 22 ? undefined : named;
}

/**
 * Who can reach a load balancer: `loadBalancerSourceRanges` (or the annotation the field
 * replaced). Undefined when every range is private, which the guide's private network allows.
 */
function sourceRanges(field: string[], annotations: ReadonlyMap<string, string>): { severity: 'high' | 'medium'; how: string } | undefined {
  const ranges = field.length ? field : (annotations.get('service.beta.kubernetes.io/load-balancer-source-ranges') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (!ranges.length) return { severity: 'high', how: 'on a load balancer address with no loadBalancerSourceRanges, open to everyone' };
  const world = ranges.find((r) => isWorld(r) || prefixOf(r) < 8);
  if (world) return { severity: 'high', how: `to ${world} (loadBalancerSourceRanges)` };
  const open = ranges.filter((r) => classifyHost(r.replace(/\/\d+$/, '')) === 'public');
  // A public range is someone's known address, narrower than the world but still off the private network.
  return open.length ? { severity: 'medium', how: `to the public ranges ${open.join(', ')} (loadBalancerSourceRanges)` } : undefined;
}

function prefixOf(cidr: string): number {
  const m = /\/(\d+)$/.exec(cidr.trim());
  return m ? Number(m[1]) : 32;
}
