import type { Place, Value } from './json5.js';
import type { Found } from './found.js';
import { bool, get, itemsOf, memberOf, secretForm, str } from './model.js';
import { authNoRateLimit, controlUiOrigins, gatewayNoAuth, mdnsFull, realIpFallback, tailscaleFunnel, trustedProxyIncomplete } from './rules.js';

/** Legacy host aliases the program no longer accepts but that mean loopback to a reader. */
const LOOPBACK_BINDS = new Set(['loopback', '127.0.0.1', 'localhost', '::1']);

/** What the gateway section decides about reachability and auth (OC:src/security/audit-gateway-config.ts). */
export interface GatewayPosture {
  /** `gateway.bind` when set to anything but loopback (`auto` included: it may pick a LAN address). */
  bind?: { value: string; at: Place };
  /** Tailscale serve or funnel. */
  tailscale?: { mode: string; at: Place };
  mode?: { value: string; at: Place };
  /** A token or password is set in the file (literal or reference). */
  hasSecret: boolean;
}

export function gatewayPosture(root: Value | undefined): GatewayPosture {
  const gw = get(root, 'gateway');
  const bindV = get(gw, 'bind');
  const bind = str(bindV);
  const tsV = get(gw, 'tailscale', 'mode');
  const ts = str(tsV);
  const modeV = get(gw, 'auth', 'mode');
  const secret = ['token', 'password'].some((k) => secretForm(get(gw, 'auth', k)).kind !== 'absent' || secretForm(get(gw, 'remote', k)).kind !== 'absent');
  return {
    ...(bindV && bind !== undefined && !LOOPBACK_BINDS.has(bind) ? { bind: { value: bind, at: bindV.at } } : {}),
    ...(tsV && (ts === 'serve' || ts === 'funnel') ? { tailscale: { mode: ts, at: tsV.at } } : {}),
    ...(modeV && str(modeV) !== undefined ? { mode: { value: str(modeV) as string, at: modeV.at } } : {}),
    hasSecret: secret,
  };
}

export function exposed(p: GatewayPosture): boolean {
  return p.bind !== undefined || p.tailscale !== undefined;
}

export function checkGateway(root: Value | undefined, incomplete: boolean): Found[] {
  const out: Found[] = [];
  const gw = get(root, 'gateway');
  const p = gatewayPosture(root);
  const bindText = p.bind ? `gateway.bind is "${p.bind.value}"${p.bind.value === 'auto' ? ' (auto may pick a LAN address, so it counts as off loopback)' : ''}` : '';

  if (p.mode?.value === 'none') {
    const where = p.bind ? `, and ${bindText}` : p.tailscale ? `, and Tailscale ${p.tailscale.mode} publishes it` : ' (its HTTP endpoints and Control UI take anyone who reaches the port)';
    out.push({ rule: gatewayNoAuth, at: p.mode.at, message: `gateway.auth.mode is "none"${where}.`, key: 'gateway auth none' });
  } else if (p.bind && p.mode?.value !== 'trusted-proxy' && !p.hasSecret) {
    // The token may still come from OPENCLAW_GATEWAY_TOKEN at run time: unknown, not absent.
    out.push({
      rule: gatewayNoAuth,
      at: p.bind.at,
      severity: 'low',
      message: `${bindText} and the config sets no token or password${incomplete ? ' (some $include could not be read here)' : ''}: auth then depends on OPENCLAW_GATEWAY_TOKEN/_PASSWORD in the environment, which moltguard cannot see.`,
      key: 'gateway bind auth unknown',
    });
  }

  if (p.mode?.value === 'trusted-proxy') {
    const missing = [
      ...(itemsOf(get(gw, 'trustedProxies')).length ? [] : ['gateway.trustedProxies']),
      ...(str(get(gw, 'auth', 'trustedProxy', 'userHeader')) ? [] : ['gateway.auth.trustedProxy.userHeader']),
    ];
    if (missing.length) out.push({ rule: trustedProxyIncomplete, at: p.mode.at, message: `gateway.auth.mode is "trusted-proxy" without ${missing.join(' or ')}.`, key: `trusted-proxy ${missing.join(' ')}` });
  }

  if (p.tailscale?.mode === 'funnel') out.push({ rule: tailscaleFunnel, at: p.tailscale.at, message: 'gateway.tailscale.mode is "funnel".', key: 'tailscale funnel' });

  const ui = get(gw, 'controlUi');
  const origins = get(ui, 'allowedOrigins');
  const wildcard = itemsOf(origins).find((o) => str(o) === '*');
  if (wildcard) {
    out.push({
      rule: controlUiOrigins,
      at: wildcard.at,
      severity: p.bind ? 'critical' : 'medium',
      message: `gateway.controlUi.allowedOrigins contains "*"${p.bind ? ` while ${bindText}` : ''}.`,
      key: 'control ui origins wildcard',
    });
  } else if (p.bind && bool(get(ui, 'enabled')) !== false && !itemsOf(origins).length && bool(get(ui, 'dangerouslyAllowHostHeaderOriginFallback')) !== true) {
    out.push({ rule: controlUiOrigins, at: origins?.at ?? p.bind.at, message: `${bindText} with the Control UI on (the default) and no gateway.controlUi.allowedOrigins.`, key: 'control ui origins missing' });
  }

  if (p.bind && p.mode?.value !== 'trusted-proxy' && !memberOf(get(gw, 'auth'), 'rateLimit')) {
    out.push({ rule: authNoRateLimit, at: p.bind.at, message: `${bindText} and gateway.auth.rateLimit is not set.`, key: 'auth no rate limit' });
  }

  const realIp = get(gw, 'allowRealIpFallback');
  if (bool(realIp) === true && realIp) {
    out.push({ rule: realIpFallback, at: realIp.at, severity: p.bind ? 'critical' : 'medium', message: `gateway.allowRealIpFallback is true${p.bind ? ` while ${bindText}` : ''}.`, key: 'real ip fallback' });
  }

  const mdns = get(root, 'discovery', 'mdns', 'mode');
  if (mdns && str(mdns) === 'full') out.push({ rule: mdnsFull, at: mdns.at, message: 'discovery.mdns.mode is "full".', key: 'mdns full' });
  return out;
}
