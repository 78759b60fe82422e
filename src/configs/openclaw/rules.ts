import { configRule } from '../rule.js';

/**
 * What OpenClaw's own `openclaw security audit` checks on a live host, decided here from the
 * committed config (audit check ids in docs/agent-configs.md). Severities follow the audit:
 * its critical is critical, its warn is medium, its info is info.
 */

export const gatewayNoAuth = configRule({
  id: 'openclaw-gateway-no-auth',
  title: 'OpenClaw gateway without a shared secret',
  severity: 'critical',
  why: 'The gateway runs shell commands, reads files and speaks on every connected channel as its owner: whoever reaches the port without a token controls the agent.',
  fix: 'Set gateway.auth.mode: "token" with token: "${OPENCLAW_GATEWAY_TOKEN}" (a 32-byte random value kept in the environment), or keep gateway.bind: "loopback".',
});

export const controlUiOrigins = configRule({
  id: 'openclaw-control-ui-origins',
  title: 'OpenClaw Control UI origins missing or a wildcard',
  severity: 'critical',
  why: 'Without an explicit origin list any web page a user visits can drive the Control UI over WebSocket (cross-site WebSocket hijacking).',
  fix: 'List the exact https origins the UI is served from in gateway.controlUi.allowedOrigins, or set gateway.controlUi.enabled: false.',
});

export const authNoRateLimit = configRule({
  id: 'openclaw-auth-rate-limit',
  title: 'OpenClaw gateway reachable without an auth rate limit',
  severity: 'medium',
  why: 'A gateway off loopback without a rate limit lets anyone who reaches it guess the token or password as fast as the network allows.',
  fix: 'Set gateway.auth.rateLimit: { maxAttempts: 10, windowMs: 60000, lockoutMs: 300000 }.',
});

export const trustedProxyIncomplete = configRule({
  id: 'openclaw-trusted-proxy-incomplete',
  title: 'OpenClaw trusted-proxy auth without proxies or a user header',
  severity: 'critical',
  why: 'In trusted-proxy mode the gateway believes a header for who the caller is: without a proxy allow-list and a user header anyone can claim to be the owner.',
  fix: 'Set gateway.trustedProxies to the proxy addresses and gateway.auth.trustedProxy.userHeader to the header the proxy sets (and strips from clients).',
});

export const tailscaleFunnel = configRule({
  id: 'openclaw-tailscale-funnel',
  title: 'OpenClaw gateway on Tailscale Funnel',
  severity: 'critical',
  why: 'Funnel publishes the gateway on the public internet, not only to the tailnet.',
  fix: 'Use gateway.tailscale.mode: "serve" (tailnet only), or "off".',
});

export const dangerousFlag = configRule({
  id: 'openclaw-dangerous-flag',
  title: 'OpenClaw safety switch turned off',
  severity: 'medium',
  why: 'OpenClaw names these settings dangerous: each removes a guard its security audit relies on.',
  fix: 'Remove the setting (or set it back to its safe value) and solve the need another way.',
});

export const realIpFallback = configRule({
  id: 'openclaw-real-ip-fallback',
  title: 'OpenClaw trusts X-Real-IP as a fallback',
  severity: 'medium',
  why: 'A client can send X-Real-IP itself; trusted as its address it looks local and skips checks meant for remote callers.',
  fix: 'Set gateway.allowRealIpFallback: false and list the proxies in gateway.trustedProxies.',
});

export const mdnsFull = configRule({
  id: 'openclaw-mdns-full',
  title: 'OpenClaw announces itself in full over mDNS',
  severity: 'medium',
  why: 'Full mDNS mode tells every host on the network where the gateway is and what it runs.',
  fix: 'Set discovery.mdns.mode: "minimal" (the default) or "off".',
});

export const inlineSecret = configRule({
  id: 'openclaw-inline-secret',
  title: 'Secret written into the OpenClaw config',
  severity: 'high',
  why: 'The config file is copied, backed up and committed: a secret in it is as public as the repository.',
  fix: 'Rotate it, then replace the value with "${ENV_VAR}" or a SecretRef { source: "env", provider: "default", id: "ENV_VAR" } and keep the value in the environment.',
});

export const placeholderSecret = configRule({
  id: 'openclaw-placeholder-secret',
  title: 'OpenClaw secret is a documentation placeholder',
  severity: 'high',
  why: 'Example values are published with the docs, so every attacker tries them first; newer gateways refuse to start with them.',
  fix: 'Generate a real secret (openssl rand -hex 32), keep it in the environment and reference it as "${OPENCLAW_GATEWAY_TOKEN}".',
});

export const tokenTooShort = configRule({
  id: 'openclaw-token-too-short',
  title: 'OpenClaw token shorter than 24 characters',
  severity: 'medium',
  why: 'OpenClaw warns below 24 characters: a short token can be guessed against a reachable gateway.',
  fix: 'Use at least 32 random bytes (openssl rand -hex 32).',
});

export const hooksTokenReuse = configRule({
  id: 'openclaw-hooks-token-reuse',
  title: 'OpenClaw hooks token is the gateway token',
  severity: 'critical',
  why: 'Hook senders (mail, webhooks) hold the hooks token; if it is also the gateway token, each of them can operate the whole gateway.',
  fix: 'Give hooks.token its own random value, kept in its own environment variable.',
});

export const hooksPolicy = configRule({
  id: 'openclaw-hooks-policy',
  title: 'OpenClaw hooks accept more than they should',
  severity: 'medium',
  why: 'Hooks turn outside requests into agent turns: an open path, agent list or session key lets a sender steer any agent or session.',
  fix: 'Set hooks.path: "/hooks", hooks.defaultSessionKey: "hook:ingress", an explicit hooks.allowedAgentIds list, and hooks.allowRequestSessionKey: false (or allowedSessionKeyPrefixes: ["hook:"]).',
});

export const redactOff = configRule({
  id: 'openclaw-redact-off',
  title: 'OpenClaw log redaction turned off',
  severity: 'medium',
  why: 'With redaction off, tokens and keys that tools handle are written to the logs in clear text.',
  fix: 'Set logging.redactSensitive: "tools" (the default).',
});

export const openDmPolicy = configRule({
  id: 'openclaw-open-dm-policy',
  title: 'OpenClaw channel takes direct messages from anyone',
  severity: 'critical',
  why: 'With dmPolicy "open" any stranger who finds the bot talks to the agent with the owner\'s tools and accounts.',
  fix: 'Set dmPolicy: "pairing" (the default) or "allowlist" with allowFrom listing the sender ids.',
});

export const openGroupPolicy = configRule({
  id: 'openclaw-open-group-policy',
  title: 'OpenClaw channel answers in any group',
  severity: 'high',
  why: 'With groupPolicy "open" anyone who adds the bot to a group can prompt the agent.',
  fix: 'Set groupPolicy: "allowlist" (the default) and list the groups, with requireMention: true.',
});

export const execFull = configRule({
  id: 'openclaw-exec-full',
  title: 'OpenClaw exec tool with security "full"',
  severity: 'medium',
  why: 'security "full" runs any shell command the model asks for, with no allow-list.',
  fix: 'Set tools.exec.security: "allowlist" with ask: "on-miss" (or "deny").',
});

export const openChannelTools = configRule({
  id: 'openclaw-open-channel-tools',
  title: 'Open OpenClaw channel reaches powerful tools',
  severity: 'critical',
  why: 'An open channel lets strangers prompt the agent; with exec, elevated or unsandboxed runtime tools a prompt injection becomes code execution on the host.',
  fix: 'Close the channel (pairing/allowlist), or give it tools.profile: "messaging", tools.elevated.enabled: false, tools.exec.security: "deny" and sandbox mode "all".',
});

export const elevatedWildcard = configRule({
  id: 'openclaw-elevated-wildcard',
  title: 'OpenClaw elevated tools allowed from anyone',
  severity: 'critical',
  why: 'A "*" in tools.elevated.allowFrom lets every sender on that channel run elevated (host) tools.',
  fix: 'List the sender ids in tools.elevated.allowFrom.<channel>, or set tools.elevated.enabled: false.',
});

export const sandboxOffDocker = configRule({
  id: 'openclaw-sandbox-off-docker',
  title: 'OpenClaw sandbox configured but off',
  severity: 'medium',
  why: 'Docker sandbox settings are present but sandbox.mode is "off" (the default), so tools run on the host.',
  fix: 'Set sandbox.mode: "all" (or "non-main"), or remove the docker settings.',
});

export const sandboxBindMount = configRule({
  id: 'openclaw-sandbox-bind-mount',
  title: 'OpenClaw sandbox mounts a host path it should not',
  severity: 'critical',
  why: 'The sandbox exists to keep tools off the host: a bind of /, /etc, /proc, /run or docker.sock hands the host back to them.',
  fix: 'Bind only absolute project paths (read-only where possible) in sandbox.docker.binds.',
});

export const sandboxNetwork = configRule({
  id: 'openclaw-sandbox-network',
  title: 'OpenClaw sandbox shares a network namespace',
  severity: 'critical',
  why: 'network "host" or "container:…" puts the sandbox on the host\'s (or another container\'s) network, with its loopback services.',
  fix: 'Set sandbox.docker.network: "none" (the default) or "bridge".',
});

export const sandboxUnconfined = configRule({
  id: 'openclaw-sandbox-unconfined',
  title: 'OpenClaw sandbox without seccomp or AppArmor',
  severity: 'critical',
  why: 'An unconfined profile lifts the kernel filters that make a container escape hard.',
  fix: 'Remove seccompProfile/apparmorProfile "unconfined" (Docker\'s default profiles apply) or name a real profile.',
});

export const includeError = configRule({
  id: 'openclaw-include-error',
  title: 'OpenClaw $include the program refuses',
  severity: 'high',
  why: 'OpenClaw stops loading on a circular, too deep or escaping $include, so the gateway does not start with this config (and moltguard judged the rest without it).',
  fix: 'Point $include at a file inside the config directory, at most 10 levels deep, that does not include its includer.',
});

export const execHostSandboxOff = configRule({
  id: 'openclaw-exec-host-sandbox-off',
  title: 'OpenClaw exec host is "sandbox" while the sandbox is off',
  severity: 'medium',
  why: 'tools.exec.host "sandbox" says commands run in the sandbox, but with sandbox mode "off" there is none: older versions then run them on the gateway host, newer ones refuse every command.',
  fix: 'Turn the sandbox on for that agent (sandbox.mode: "non-main" or "all"), or set tools.exec.host: "gateway" with exec approvals.',
});

export const nodeDangerousCommands = configRule({
  id: 'openclaw-node-dangerous-commands',
  title: 'OpenClaw lets paired devices run high-impact commands',
  severity: 'medium',
  why: 'gateway.nodes.allowCommands re-enables commands OpenClaw keeps off by default (camera, screen recording, contacts, calendar, reminders, SMS): whoever holds gateway access can photograph, record or text as the owner through a paired phone or laptop.',
  fix: 'Remove those entries from gateway.nodes.allowCommands; if one must stay, keep the gateway on loopback or the tailnet and treat its token as full operator access.',
});

export const nodeDenyIneffective = configRule({
  id: 'openclaw-node-deny-ineffective',
  title: 'OpenClaw node deny list entry that matches nothing',
  severity: 'medium',
  why: 'gateway.nodes.denyCommands compares exact command names (system.run); a pattern, a regex, shell text or a name no node command has (a typo such as system.runx) matches nothing, so what it was meant to block stays allowed.',
  fix: 'List exact command ids (system.run, camera.snap, screen.record, sms.send, ...) in gateway.nodes.denyCommands, fix misspelled ones, and tighten tools.exec for what a name cannot express.',
});

export const profileMinimalOverridden = configRule({
  id: 'openclaw-profile-minimal-overridden',
  title: 'OpenClaw agent overrides the global minimal tool profile',
  severity: 'medium',
  why: 'An agent\'s own tools.profile takes precedence over the global one, so tools.profile "minimal" does not hold for it: that agent gets the wider tool set.',
  fix: 'Set the agent\'s tools.profile to "minimal" too, or remove its override.',
});

export const mcpAppsEnabled = configRule({
  id: 'openclaw-mcp-apps',
  title: 'OpenClaw MCP Apps turned on',
  severity: 'medium',
  why: 'mcp.apps.enabled lets MCP servers ship pages that the gateway serves from its own sandbox host and that can call the server\'s tools: code the server supplies runs next to the owner\'s session.',
  fix: 'Leave mcp.apps.enabled unset (off), or enable it only with MCP servers you control.',
});

export const dmScopeShared = configRule({
  id: 'openclaw-dm-scope-shared',
  title: 'OpenClaw direct messages from several people share one session',
  severity: 'medium',
  why: 'With session.dmScope "main" (the default) every direct message lands in the main session: one sender reads what another said and can steer the conversation the owner started.',
  fix: 'Set session.dmScope: "per-channel-peer" (or "per-account-channel-peer" with several accounts) so each sender gets a session of their own.',
});

export const groupScopeMain = configRule({
  id: 'openclaw-group-scope-main',
  title: 'OpenClaw group rooms share the main session',
  severity: 'medium',
  why: 'session.groupScope "main" puts every group and channel room into the owner\'s main session: members of any room see and steer the owner\'s private context.',
  fix: 'Set session.groupScope: "per-group" (and remove groupScope "main" from bindings that match rooms).',
});

export const multiUser = configRule({
  id: 'openclaw-multi-user',
  title: 'OpenClaw config suggests several people share one gateway',
  severity: 'medium',
  why: "OpenClaw's security model is one trusted operator per gateway. An open or wildcard DM/group policy, or an allowlisted group policy with group targets, lets several people talk to the same agent, its tools, files and credentials; one of them can steer it against the others.",
  fix: 'For people who do not trust each other, run separate gateways with separate credentials (ideally separate OS users or hosts). If sharing is intended, set agents.defaults.sandbox.mode: "all", tools.fs.workspaceOnly: true, deny runtime/fs/web tools not needed, and keep personal identities and credentials off that gateway.',
});

export const OPENCLAW_CONFIG_RULES = [
  gatewayNoAuth,
  controlUiOrigins,
  authNoRateLimit,
  trustedProxyIncomplete,
  tailscaleFunnel,
  dangerousFlag,
  realIpFallback,
  mdnsFull,
  inlineSecret,
  placeholderSecret,
  tokenTooShort,
  hooksTokenReuse,
  hooksPolicy,
  redactOff,
  openDmPolicy,
  openGroupPolicy,
  execFull,
  openChannelTools,
  elevatedWildcard,
  sandboxOffDocker,
  sandboxBindMount,
  sandboxNetwork,
  sandboxUnconfined,
  includeError,
  execHostSandboxOff,
  nodeDangerousCommands,
  nodeDenyIneffective,
  profileMinimalOverridden,
  mcpAppsEnabled,
  dmScopeShared,
  groupScopeMain,
  multiUser,
] as const;
