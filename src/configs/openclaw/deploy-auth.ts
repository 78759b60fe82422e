import type { Severity } from '../../model/finding.js';
import type { ConfigContext } from '../rule.js';
import { isLiteralSecret } from '../shared/secret-values.js';
import { resolvedConfigs } from './check.js';
import { gatewayPosture } from './gateway.js';

/**
 * What a deployment says about the gateway's auth. The environment of the host is invisible
 * here, so a token that comes only from it is "unknown", not "none": reported low.
 */
export interface DeployAuth {
  level: 'none' | 'secret' | 'unknown';
  why: string;
}

export const AUTH_ENV = /^(?:OPENCLAW|CLAWDBOT)_GATEWAY_(?:TOKEN|PASSWORD)$/;
export const BROWSER_PORTS: ReadonlyMap<number, string> = new Map([
  [9222, 'the sandbox browser (CDP 9222)'],
  [5900, 'the sandbox browser (VNC 5900)'],
  [6080, 'the sandbox browser (noVNC 6080)'],
]);
export const GATEWAY_PORTS: ReadonlyMap<number, string> = new Map([
  [18789, 'the OpenClaw gateway (18789)'],
  [18790, 'the OpenClaw bridge (18790)'],
]);

export function severityOf(auth: DeployAuth): Severity {
  return auth.level === 'none' ? 'critical' : auth.level === 'secret' ? 'medium' : 'low';
}

/** From the deployment's own env (name, value) pairs, else from the committed openclaw.json files. */
export function deployAuth(env: readonly { name: string; value: string }[], hasEnvFile: boolean, ctx: ConfigContext): DeployAuth {
  // auth.mode "none" in the config wins over any token: the gateway then asks for none.
  const config = repoAuth(ctx);
  if (config.level === 'none') return config;
  const set = env.filter((e) => AUTH_ENV.test(e.name) && e.value.trim() !== '');
  const literal = set.find((e) => isLiteralSecret(e.name, e.value) || !/\$/.test(e.value));
  if (literal) return { level: 'secret', why: `${literal.name} is set` };
  if (config.level === 'secret') return config;
  if (set.length) return { level: 'unknown', why: `${set[0].name} comes from the environment, which moltguard cannot see` };
  if (hasEnvFile) return { level: 'unknown', why: 'auth may come from its env file, which moltguard cannot see' };
  return { level: 'unknown', why: 'no gateway token is set in this file or a committed openclaw.json (it may be in the host\'s config dir)' };
}

/** What the committed top-level configs say: any auth.mode "none" wins, then any token or password. */
export function repoAuth(ctx: ConfigContext): DeployAuth {
  const postures = [...resolvedConfigs(ctx).entries()].map(([path, r]) => ({ path, p: gatewayPosture(r.value) }));
  const none = postures.find((x) => x.p.mode?.value === 'none');
  if (none) return { level: 'none', why: `${none.path} sets gateway.auth.mode "none"` };
  const secret = postures.find((x) => x.p.hasSecret);
  if (secret) return { level: 'secret', why: `${secret.path} sets a gateway token or password` };
  return { level: 'unknown', why: 'no committed openclaw.json sets gateway auth' };
}

/** An OpenClaw process by its words: the CLI under any of its names, or `node dist/index.js gateway`. */
export function isGatewayCommand(words: readonly string[]): boolean {
  const i = words.indexOf('gateway');
  if (i < 0) return false;
  return words.slice(0, i).some((w) => /(?:^|\/)(?:openclaw|clawdbot|moltbot|moldbot)(?:\.mjs)?$/.test(w) || /(?:^|\/)dist\/index\.js$/.test(w));
}

/** The value of `--bind X` / `--bind=X`, with compose-style `${VAR:-default}` taken at its default. */
export function bindOf(words: readonly string[]): { value: string; index: number } | undefined {
  for (let i = 0; i < words.length; i++) {
    const eq = /^--bind=(.*)$/.exec(words[i]);
    if (eq) return { value: withDefaults(eq[1]), index: i };
    if (words[i] === '--bind' && words[i + 1] !== undefined) return { value: withDefaults(words[i + 1]), index: i + 1 };
  }
  return undefined;
}

export function isOffLoopback(bind: string): boolean {
  return bind !== '' && !['loopback', '127.0.0.1', 'localhost', '::1'].includes(bind);
}

/** `${VAR:-default}` -> default, `${VAR}` -> '' (what compose substitutes with the variable unset). */
export function withDefaults(text: string): string {
  // `[^{}]`: a default stops at the next `${`, so unclosed ones cannot each read to the end.
  return text.replace(/\$\{[A-Za-z_][A-Za-z0-9_]*(?::?-([^{}]*))?\}/g, (_m, d: string | undefined) => d ?? '');
}

export function looksLikeOpenClaw(text: string): boolean {
  return /openclaw|clawdbot|moltbot|moldbot/i.test(text);
}
