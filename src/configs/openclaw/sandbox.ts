import type { Value } from './json5.js';
import type { Found } from './found.js';
import { agentScopes, get, itemsOf, memberOf, str } from './model.js';
import { sandboxBindMount, sandboxNetwork, sandboxOffDocker, sandboxUnconfined } from './rules.js';
import { trimTrailing } from '../../model/trim.js';

/** Host paths a sandbox bind must not reach (OC:src/agents/sandbox/validate-sandbox-security.ts). */
const BLOCKED_ROOTS = ['/etc', '/private/etc', '/proc', '/sys', '/dev', '/boot', '/root', '/run', '/var/run', '/private/var/run'];

function dangerousSource(source: string): boolean {
  const s = trimTrailing(source, '/') || '/';
  return s === '/' || s.endsWith('/docker.sock') || BLOCKED_ROOTS.some((r) => s === r || s.startsWith(`${r}/`));
}

export function checkSandbox(root: Value | undefined): Found[] {
  const out: Found[] = [];
  const defaultsMode = str(get(root, 'agents', 'defaults', 'sandbox', 'mode'));
  for (const scope of agentScopes(root)) {
    const sandbox = get(scope.value, 'sandbox');
    const docker = get(sandbox, 'docker');
    if (!docker) continue;
    const name = `${scope.name}.sandbox`;
    const mode = str(get(sandbox, 'mode')) ?? (scope.name === 'agents.defaults' ? undefined : defaultsMode) ?? 'off';
    if (mode === 'off') {
      const key = memberOf(sandbox, 'docker')?.keyAt ?? docker.at;
      out.push({ rule: sandboxOffDocker, at: get(sandbox, 'mode')?.at ?? key, message: `${name}.docker is set but ${name}.mode is ${str(get(sandbox, 'mode')) ? '"off"' : 'unset ("off")'}.`, key: `sandbox off ${name}` });
    }
    for (const bind of itemsOf(get(docker, 'binds'))) {
      const text = str(bind);
      if (text === undefined || text.includes('${')) continue;
      const source = text.split(':')[0];
      if (dangerousSource(source)) {
        out.push({ rule: sandboxBindMount, at: bind.at, message: `${name}.docker.binds mounts the host's ${source} ("${text}").`, key: `bind ${name} ${source}` });
      } else if (!source.startsWith('/')) {
        out.push({ rule: sandboxBindMount, at: bind.at, severity: 'medium', message: `${name}.docker.binds source "${source}" is not an absolute path (a relative path or a volume name, resolved where the program decides).`, key: `bind relative ${name} ${source}` });
      }
    }
    const network = get(docker, 'network');
    const net = str(network);
    if (network && net && (net === 'host' || net.startsWith('container:'))) {
      out.push({ rule: sandboxNetwork, at: network.at, message: `${name}.docker.network is "${net}".`, key: `network ${name} ${net}` });
    }
    for (const k of ['seccompProfile', 'apparmorProfile']) {
      const v = get(docker, k);
      if (v && str(v)?.toLowerCase() === 'unconfined') out.push({ rule: sandboxUnconfined, at: v.at, message: `${name}.docker.${k} is "unconfined".`, key: `${k} ${name}` });
    }
    for (const opt of itemsOf(get(docker, 'securityOpt'))) {
      if (/^(seccomp|apparmor)[=:]unconfined$/i.test(str(opt) ?? '')) out.push({ rule: sandboxUnconfined, at: opt.at, message: `${name}.docker.securityOpt has "${str(opt)}".`, key: `securityOpt ${name} ${str(opt)}` });
    }
  }
  return out;
}
