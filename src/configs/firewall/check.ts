import type { Detection, Fix } from '../../model/finding.js';
import { LineIndex } from '../../model/line-index.js';
import { member, type JsonNode } from '../formats/json-pos.js';
import { parseError } from '../parse-error.js';
import { FIREWALL_RULES, judgeFirewall, type FirewallRule } from './model.js';
import type { ConfigCheck } from '../rule.js';
import { isShellScript } from '../shell/check.js';
import { findPayloads, objectsWith, type Payload } from './payloads.js';
import { checkFirewallRulesGateway } from '../openclaw/deploy-firewall.js';
import { jsonRule, portTextOf, str, stringsOf, type StringNode } from './json-fields.js';
import { providerRules, PROVIDER_KEYS } from './provider-payloads.js';
import { blankJsoncExtras, isArmTemplate } from '../formats/jsonc.js';

// The guide's and DigitalOcean's `inbound_rules`, Hetzner's `rules` with `source_ips`, and the other providers' keys.
const MARKER = new RegExp(`"(inbound|outbound)_rules"|"source_ips"|"${PROVIDER_KEYS}"`);
/** In a script the payload may sit in double quotes, its own quotes escaped (`\"inbound_rules\"`). */
const RAW_MARKER = new RegExp(`\\\\?"((inbound|outbound)_rules|source_ips|${PROVIDER_KEYS})\\\\?"`);

export const firewallCheck: ConfigCheck = {
  name: 'firewall-payload',
  rules: FIREWALL_RULES,
  applies(path, text) {
    return (/\.json$/i.test(path) || isShellScript(path, text)) && RAW_MARKER.test(text);
  },
  check(path, text, ctx) {
    const lines = new LineIndex(text);
    const isJson = /\.json$/i.test(path);
    // Offsets are kept, so findings and snippets still point into `text`.
    const readable = isJson && isArmTemplate(path, text) ? blankJsoncExtras(text) : text;
    const { payloads, error } = findPayloads(path, readable, MARKER, !isJson);
    const out: Detection[] = [];
    if (error) {
      out.push(parseError(path, lines.position(error.offset), error.message, 'json'));
    }
    for (const payload of payloads) {
      const model: FirewallRule[] = [];
      for (const holder of objectsWith(payload.node, 'inbound_rules')) {
        const rules = member(holder, 'inbound_rules');
        if (rules?.kind !== 'array') continue;
        rules.items.forEach((rule, i) => model.push(...inboundRules(rule, i, payload, lines, 'in')));
      }
      // Hetzner: `rules: [{ direction: "in", port: "22", source_ips: [...] }]`.
      for (const holder of objectsWith(payload.node, 'rules')) {
        const rules = member(holder, 'rules');
        if (rules?.kind !== 'array') continue;
        rules.items.forEach((rule, i) => {
          if (member(rule, 'source_ips')) model.push(...inboundRules(rule, i, payload, lines, str(member(rule, 'direction')) === 'out' ? 'out' : 'in'));
        });
      }
      model.push(...providerRules(payload, lines));
      out.push(...judgeFirewall(model), ...checkFirewallRulesGateway(model, text, ctx));
    }
    return out;
  },
};

/**
 * One payload rule as the model's rules, one per source: the guide's `source_cidr(s)` and
 * `port`, DigitalOcean's `sources.addresses` and `ports`, Hetzner's `source_ips` and `port`.
 * Ports may be numbers or strings (`"22"`, `"8000-9000"`, `"all"`).
 */
function inboundRules(rule: JsonNode, index: number, payload: Payload, lines: LineIndex, direction: 'in' | 'out'): FirewallRule[] {
  const fields: [string, JsonNode | undefined][] = [
    ['source_cidr', member(rule, 'source_cidr') ?? member(rule, 'source_cidrs')],
    ['sources.addresses', member(member(rule, 'sources'), 'addresses')],
    ['source_ips', member(rule, 'source_ips')],
  ];
  const protocol = str(member(rule, 'protocol'))?.toLowerCase() ?? '';
  const port = member(rule, 'port') ?? member(rule, 'ports');
  const description = str(member(rule, 'description')) ?? str(member(rule, 'name'));
  // Minified payloads put every rule on one line: the name says which rule it is.
  const named = description ? `Inbound rule "${description}"` : `Inbound rule ${index + 1} (${protocol || 'any protocol'} ${portTextOf(port)})`;
  const out: FirewallRule[] = [];
  for (const [field, node] of fields) {
    for (const source of stringsOf(node)) {
      const r = jsonRule(payload, lines, source, protocol, port, named, field, direction);
      const fix = fixSource(payload, lines, source, '10.0.0.0/8');
      if (r) out.push({ ...r, ...(fix ? { narrow: fix } : {}) });
    }
  }
  return out;
}

/** Rewrites the CIDR between its quotes, when the file holds it as the JSON does. */
function fixSource(payload: Payload, lines: LineIndex, node: StringNode, cidr: string): Fix | undefined {
  if (!payload.verbatim(node.start + 1, node.end - 1)) return undefined;
  return lines.replaceSpan(payload.fileOffset(node.start + 1), payload.fileOffset(node.end - 2) + 1, cidr);
}
