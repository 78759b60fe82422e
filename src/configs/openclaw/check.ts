import type { Detection } from '../../model/finding.js';
import { baseName, type ConfigCheck, type ConfigContext } from '../rule.js';
import { parseError } from '../parse-error.js';
import { aboutSecret } from '../shared/secret-values.js';
import type { Found } from './found.js';
import { checkFlags } from './flags.js';
import { checkGateway, gatewayPosture } from './gateway.js';
import { resolveConfig, type ResolvedConfig } from './includes.js';
import { checkSandbox } from './sandbox.js';
import { checkSecrets } from './secrets.js';
import { checkTools } from './tools.js';
import { checkAgentOverrides } from './agent-overrides.js';
import { checkSurfaces } from './surfaces.js';
import { checkSessions } from './sessions.js';
import { checkMultiUser } from './trust-model.js';
import { includeError, OPENCLAW_CONFIG_RULES } from './rules.js';
import { checkOpenClawMcp } from '../mcp/openclaw.js';
import { MCP_RULES } from '../mcp/rules.js';

/** The top-level config under its current and legacy names (OC:src/config/paths.ts). */
export function isOpenClawConfig(path: string): boolean {
  return /^(openclaw|clawdbot|moltbot|moldbot)\.json$/i.test(baseName(path));
}

/** Top-level configs of one scan, resolved once and shared by every file they include. */
const resolvedByScan = new WeakMap<ConfigContext, Map<string, ResolvedConfig>>();

export function resolvedConfigs(ctx: ConfigContext): Map<string, ResolvedConfig> {
  let map = resolvedByScan.get(ctx);
  if (!map) {
    map = new Map();
    for (const p of ctx.paths()) if (isOpenClawConfig(p)) map.set(p, resolveConfig(p, ctx));
    resolvedByScan.set(ctx, map);
  }
  return map;
}

export const openclawConfigCheck: ConfigCheck = {
  name: 'openclaw-config',
  rules: [...OPENCLAW_CONFIG_RULES, ...MCP_RULES],
  // Fragments are any JSON5 file a top-level config includes; which ones is known only in check().
  applies: (path) => isOpenClawConfig(path) || /\.json5?$/i.test(path),
  check(path, _text, ctx) {
    const all = resolvedConfigs(ctx);
    const mine = all.get(path) ?? (isOpenClawConfig(path) ? resolveConfig(path, ctx) : undefined);
    const configs = mine ? [mine] : [...all.values()].filter((r) => r.files.includes(path));
    const out: Detection[] = [];
    const seen = new Set<string>();
    for (const r of configs) {
      for (const p of r.parseProblems.filter((x) => x.path === path)) {
        push(out, seen, parseError(path, p, `not valid JSON5: ${p.message}`, 'json5'));
      }
      for (const f of judge(r)) {
        if (f.at.path !== path) continue;
        const d = f.rule.at(f.at, {
          message: f.message,
          key: f.key,
          ...(f.severity ? { severity: f.severity } : {}),
          ...(f.related?.length ? { related: f.related.map((x) => ({ ...x.at, message: x.message })) } : {}),
        });
        push(out, seen, f.secret ? aboutSecret(d, f.secret) : d);
      }
    }
    return out;
  },
};

function push(out: Detection[], seen: Set<string>, d: Detection): void {
  const id = `${d.ruleId} ${d.line}:${d.column} ${d.fingerprintKey ?? d.message}`;
  if (seen.has(id)) return;
  seen.add(id);
  out.push(d);
}

const judged = new WeakMap<ResolvedConfig, Found[]>();

/** Every check over one merged config; cached, since each file it spans asks for its share. */
export function judge(r: ResolvedConfig): Found[] {
  const cached = judged.get(r);
  if (cached) return cached;
  const root = r.value;
  const found: Found[] = r.includeProblems.map((p) => ({ rule: includeError, at: p.at, message: p.message + '.', key: `include ${p.key}` }));
  if (root) {
    found.push(
      ...checkGateway(root, r.incomplete),
      ...checkSecrets(root),
      ...checkFlags(root, gatewayPosture(root).bind !== undefined),
      ...checkTools(root),
      ...checkSandbox(root),
      ...checkAgentOverrides(root),
      ...checkSurfaces(root),
      ...checkSessions(root),
      ...checkMultiUser(root),
      ...checkOpenClawMcp(root),
    );
  }
  judged.set(r, found);
  return found;
}
