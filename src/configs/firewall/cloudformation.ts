import { isMap, isScalar, YAMLMap, YAMLSeq, type Node, type Tags } from 'yaml';
import type { ConfigCheck } from '../rule.js';
import { entry, mapEntries, nodeSpan, parseYaml, scalarText, seqItems, type MapEntry, type YamlFile } from '../formats/yaml.js';
import { FIREWALL_RULES, judgeFirewall, type FirewallRule } from './model.js';
import { checkFirewallRulesGateway } from '../openclaw/deploy-firewall.js';

/**
 * CloudFormation's short-form intrinsic functions (`!Ref`, `!Sub`, …) as YAML tags, so a
 * template parses as CloudFormation reads it; a tagged value keeps its tag, which says it is
 * computed at deploy time.
 */
const INTRINSICS = ['Ref', 'Sub', 'GetAtt', 'Join', 'Select', 'Split', 'If', 'Equals', 'Not', 'And', 'Or', 'FindInMap', 'Base64', 'Cidr', 'ImportValue', 'GetAZs', 'Condition', 'Transform', 'ToJsonString', 'Length'];
const CFN_TAGS: Tags = INTRINSICS.flatMap((name) => [
  { tag: `!${name}`, resolve: (value: string) => value },
  { tag: `!${name}`, collection: 'seq' as const, nodeClass: YAMLSeq },
  { tag: `!${name}`, collection: 'map' as const, nodeClass: YAMLMap },
]);

const MARKER = /AWS::EC2::SecurityGroup(Ingress)?\b/;

/** `AWS::EC2::SecurityGroup` ingress and `AWS::EC2::SecurityGroupIngress` resources, in YAML or JSON templates. */
export const cloudFormationCheck: ConfigCheck = {
  name: 'cloudformation',
  rules: FIREWALL_RULES,
  applies: (path, text) => /\.(ya?ml|json|template)$/i.test(path) && MARKER.test(text),
  check(_path, text, ctx) {
    const file = parseYaml(text, '1.1', { customTags: CFN_TAGS });
    const rules: FirewallRule[] = [];
    for (const doc of file.docs) {
      const parameters = entry(doc.contents, 'Parameters')?.value ?? null;
      const resources = mapEntries(entry(doc.contents, 'Resources')?.value);
      const balancerOnly = loadBalancerGroups(resources);
      for (const resource of resources) {
        // A load balancer answers on its listeners only: its group's "all traffic" reaches no SSH or database.
        if (balancerOnly.has(resource.key)) continue;
        const type = scalarText(entry(resource.value, 'Type')?.value);
        const props = entry(resource.value, 'Properties')?.value ?? null;
        if (type === 'AWS::EC2::SecurityGroupIngress' && refsIn(entry(props, 'GroupId')?.value, 0).some((id) => balancerOnly.has(id))) continue;
        const ingress = type === 'AWS::EC2::SecurityGroup' ? seqItems(entry(props, 'SecurityGroupIngress')?.value) : type === 'AWS::EC2::SecurityGroupIngress' ? [props] : [];
        for (const item of ingress) rules.push(...ingressRules(file, resource.key, item, parameters));
      }
    }
    return [...judgeFirewall(rules), ...checkFirewallRulesGateway(rules, text, ctx)];
  },
};

const BALANCER = /^AWS::ElasticLoadBalancing(V2)?::LoadBalancer$/;
/** Resources that add rules to a group or name it as a source, rather than attach it to something. */
const GROUP_RULES = /^AWS::EC2::SecurityGroup(Ingress|Egress)?$/;

/** The security groups attached to load balancers and to nothing else in the template. */
function loadBalancerGroups(resources: MapEntry[]): Set<string> {
  const onBalancer = new Set<string>();
  const elsewhere = new Set<string>();
  for (const r of resources) {
    const type = scalarText(entry(r.value, 'Type')?.value) ?? '';
    if (BALANCER.test(type)) for (const id of refsIn(entry(entry(r.value, 'Properties')?.value, 'SecurityGroups')?.value, 0)) onBalancer.add(id);
    else if (!GROUP_RULES.test(type)) for (const id of refsIn(r.value, 0)) elsewhere.add(id);
  }
  return new Set([...onBalancer].filter((id) => !elsewhere.has(id)));
}

/** Logical ids a node refers to with `!Ref`/`Ref` or `!GetAtt`/`Fn::GetAtt`, at any depth. */
function refsIn(node: unknown, depth: number): string[] {
  if (depth > 16) return [];
  if (isScalar(node)) return node.tag === '!Ref' || node.tag === '!GetAtt' ? [String(node.value).split('.')[0]] : [];
  const own = mapEntries(node).flatMap((e) => (e.key === 'Ref' || e.key === 'Fn::GetAtt' ? [scalarText(e.value) ?? scalarText(seqItems(e.value)[0]) ?? ''] : []));
  return [...own, ...seqItems(node).flatMap((n) => refsIn(n, depth + 1)), ...mapEntries(node).flatMap((e) => refsIn(e.value, depth + 1))];
}

/** A value as CloudFormation will see it: a literal, or a `Ref` to a parameter with a literal default. */
function resolved(node: Node | null | undefined, parameters: Node | null): { text: string; via?: string } | undefined {
  const ref = isScalar(node) && node.tag === '!Ref' ? String(node.value) : isMap(node) && node.items.length === 1 ? scalarText(entry(node, 'Ref')?.value) : undefined;
  if (ref !== undefined) {
    const fallback = scalarText(entry(entry(parameters, ref)?.value, 'Default')?.value);
    return fallback === undefined ? undefined : { text: fallback, via: ref };
  }
  if (isScalar(node) && node.tag?.startsWith('!')) return undefined;
  const text = scalarText(node);
  return text === undefined ? undefined : { text };
}

function ingressRules(file: YamlFile, logicalId: string, item: Node | null, parameters: Node | null): FirewallRule[] {
  const protocol = resolved(entry(item, 'IpProtocol')?.value, parameters)?.text.toLowerCase();
  if (!protocol) return [];
  const all = protocol === '-1' || protocol === 'all';
  const from = resolved(entry(item, 'FromPort')?.value, parameters)?.text;
  const to = resolved(entry(item, 'ToPort')?.value, parameters)?.text ?? from;
  const low = Number(from);
  const high = Number(to);
  if (!all && (!Number.isInteger(low) || !Number.isInteger(high))) return [];
  const every = all || low === -1 || (low === 0 && (high === 65535 || high === 0));
  const portText = every ? 'all' : low === high ? String(low) : `${low}-${high}`;
  const out: FirewallRule[] = [];
  for (const field of ['CidrIp', 'CidrIpv6']) {
    const node = entry(item, field)?.value;
    const source = resolved(node, parameters);
    if (!node || !source) continue;
    out.push({
      direction: 'in',
      protocol: all ? 'all' : protocol === '6' ? 'tcp' : protocol,
      ...(every ? {} : { ports: [{ from: low, to: high }] }),
      source: source.text,
      action: 'allow',
      portText,
      at: nodeSpan(file, node),
      named: `${logicalId} ingress (${all ? 'all traffic' : `${protocol} ${portText}`})`,
      origin: source.via ? `CloudFormation, parameter ${source.via} defaults to ${source.text}` : 'CloudFormation',
      sourceField: field,
    });
  }
  return out;
}
