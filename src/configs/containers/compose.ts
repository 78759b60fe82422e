import { posix } from 'node:path';
import type { Node } from 'yaml';
import type { Detection } from '../../model/finding.js';
import { baseName, type ConfigCheck, type ConfigContext } from '../rule.js';
import { yamlProblem } from '../parse-error.js';
import { aboutSecret, isLiteralSecret } from '../shared/secret-values.js';
import { entry, isTruthy, mapEntries, nodeSpan, scalarText, seqItems, type MapEntry, type YamlFile, parseYaml } from '../formats/yaml.js';
import { imageUser, isDockerfile, parseDockerfile, stagesOf } from './dockerfile.js';
import { bindsPublicly, databasesIn, loopbackSpec, parsePortSpec, publishedMessage } from './port-spec.js';
import { containerEnvSecret, containerPrivileged, containerRoot, dbHostNetwork, dbPortPublished, dockerSocketMounted } from './rules.js';
import { databaseOfImage, listensOnLoopbackOnly } from './database-images.js';
import { isRootDaemonSocket, socketMessage } from './docker-socket.js';
import { looksLikeOpenClaw, withDefaults } from '../openclaw/deploy-auth.js';

/** `docker-compose.yml`, `docker-compose.prod.yaml`, `compose.yml`, `compose.override.yaml`. */
export function isComposeFile(path: string): boolean {
  return /^(docker-)?compose([.-][\w.-]+)?\.ya?ml$/i.test(baseName(path));
}

export const composeCheck: ConfigCheck = {
  name: 'compose',
  rules: [dbPortPublished, containerRoot, containerPrivileged, containerEnvSecret, dockerSocketMounted, dbHostNetwork],
  applies: isComposeFile,
  check(path, text, ctx) {
    const file = parseYaml(text, '1.2');
    const out: Detection[] = file.problems.map((p) => yamlProblem(path, p));
    for (const doc of [...file.docs, ...file.partial]) {
      for (const service of mapEntries(entry(doc.contents, 'services')?.value)) {
        out.push(...checkService(path, file, service, ctx));
      }
    }
    return out;
  },
};

function checkService(path: string, file: YamlFile, service: MapEntry, ctx: ConfigContext): Detection[] {
  const out: Detection[] = [];
  const name = service.key;
  const network = entry(service.value, 'network_mode');
  // Compose discards `ports:` on the host network: the database listens on the host's interfaces itself.
  if (network && scalarText(network.value) === 'host') out.push(...dbOnHostNetwork(file, service, network));
  else for (const item of seqItems(entry(service.value, 'ports')?.value)) out.push(...checkPort(file, name, item));
  out.push(...socketMounts(file, service));

  const privileged = entry(service.value, 'privileged');
  if (privileged && isTruthy(privileged.value)) {
    out.push(containerPrivileged.at(nodeSpan(file, privileged.keyNode), { message: `Service ${name} sets privileged: ${scalarText(privileged.value)}.`, key: `privileged ${name}` }));
  }

  const user = entry(service.value, 'user');
  const userText = scalarText(user?.value);
  if (user && userText !== undefined && /^(root|0)(:.*)?$/.test(userText)) {
    const at = nodeSpan(file, user.keyNode);
    out.push(
      containerRoot.at(at, {
        message: `Service ${name} sets user: ${userText}, so it runs as root.`,
        key: `user ${name} ${userText}`,
        fix: { line: at.line, replacement: `${' '.repeat(at.column - 1)}user: "10001:10001"` },
      }),
    );
  } else if (!user) {
    out.push(...imageRunsAsRoot(path, name, service, file, ctx));
  }

  out.push(...environmentSecrets(file, name, entry(service.value, 'environment')?.value));
  return out;
}

/** `ports:` items, short (`"5432:5432"`) or long (`{target: 5432, published: 5432}`) syntax. */
function checkPort(file: YamlFile, service: string, item: Node): Detection[] {
  const short = scalarText(item);
  if (short !== undefined) {
    const spec = parsePortSpec(short);
    if (!spec || !bindsPublicly(spec.hostIp)) return [];
    const dbs = databasesIn(spec.containerPort);
    if (!dbs.length) return [];
    const at = nodeSpan(file, item);
    const lineText = file.text.split(/\r?\n/)[at.line - 1] ?? '';
    const single = at.line === at.endLine;
    const replacement = single ? lineText.slice(0, at.column - 1) + `"${loopbackSpec(spec)}"` + lineText.slice((at.endColumn ?? at.column) - 1) : undefined;
    return [
      dbPortPublished.at(at, {
        message: publishedMessage(`Service ${service} ("${short}")`, dbs, spec.hostIp),
        key: `ports ${service} ${spec.containerPort}`,
        ...(replacement ? { fix: { line: at.line, replacement } } : {}),
      }),
    ];
  }
  const target = entry(item, 'target');
  const dbs = databasesIn(scalarText(target?.value) ?? '');
  const hostIp = entry(item, 'host_ip');
  const ip = scalarText(hostIp?.value);
  if (!target || !dbs.length || !bindsPublicly(ip)) return [];
  const at = nodeSpan(file, hostIp?.keyNode ?? target.keyNode);
  return [
    dbPortPublished.at(at, {
      message: publishedMessage(`Service ${service} (target ${scalarText(target.value)}${ip ? `, host_ip ${ip}` : ', no host_ip'})`, dbs, ip),
      key: `ports ${service} ${scalarText(target.value)}`,
      ...(hostIp && nodeSpan(file, hostIp.value).line === at.line ? { fix: { line: at.line, replacement: `${' '.repeat(at.column - 1)}host_ip: 127.0.0.1` } } : {}),
    }),
  ];
}

function dbOnHostNetwork(file: YamlFile, service: MapEntry, network: MapEntry): Detection[] {
  const image = scalarText(entry(service.value, 'image')?.value) ?? '';
  const published = seqItems(entry(service.value, 'ports')?.value).flatMap((item) => databasesIn(parsePortSpec(scalarText(item) ?? scalarText(entry(item, 'target')?.value) ?? '')?.containerPort ?? ''));
  const db = databaseOfImage(image) ?? published[0];
  if (!db || listensOnLoopbackOnly(commandText(service.value))) return [];
  return [
    dbHostNetwork.at(nodeSpan(file, network.keyNode), {
      message: `Service ${service.key}${image ? ` (${image})` : ''} sets network_mode: host, so ${db[1]} (${db[0]}) listens on every interface of the host.`,
      key: `network_mode host ${service.key}`,
    }),
  ];
}

/** `command:` and `entrypoint:` as one line, whether written as a string or a list. */
function commandText(service: unknown): string {
  return ['entrypoint', 'command']
    .map((k) => entry(service, k)?.value)
    .map((n) => scalarText(n) ?? seqItems(n).map((w) => scalarText(w) ?? '').join(' '))
    .join(' ');
}

/** `volumes:` binding the daemon's socket, short (`/var/run/docker.sock:/var/run/docker.sock:ro`) or long syntax. */
function socketMounts(file: YamlFile, service: MapEntry): Detection[] {
  const image = scalarText(entry(service.value, 'image')?.value) ?? '';
  // The OpenClaw gateway's own check reports its socket, at critical: one mistake, one finding.
  if (looksLikeOpenClaw(`${service.key} ${image} ${commandText(service.value)}`)) return [];
  const out: Detection[] = [];
  for (const v of seqItems(entry(service.value, 'volumes')?.value)) {
    const short = scalarText(v);
    // Compose substitutes `${VAR:-default}` before it splits the spec at its colons.
    const parts = short !== undefined ? withDefaults(short).split(':') : [];
    const source = short !== undefined ? parts[0] : scalarText(entry(v, 'source')?.value);
    if (!source || !isRootDaemonSocket(source)) continue;
    const readOnly = short !== undefined ? (parts[2] ?? '').split(',').includes('ro') : isTruthy(entry(v, 'read_only')?.value);
    out.push(dockerSocketMounted.at(nodeSpan(file, v), { message: socketMessage(`Service ${service.key}`, source, readOnly), key: `docker.sock ${service.key}` }));
  }
  return out;
}

/**
 * A service built from a Dockerfile in this repository runs as that image's user when compose
 * sets none: report it here too, where `user:` would fix it without touching the image.
 */
function imageRunsAsRoot(path: string, name: string, service: MapEntry, file: YamlFile, ctx: ConfigContext): Detection[] {
  const build = entry(service.value, 'build');
  if (!build) return [];
  const context = scalarText(build.value) ?? scalarText(entry(build.value, 'context')?.value) ?? '.';
  if (/^[a-z]+:\/\/|^git@/i.test(context)) return [];
  const dockerfile = scalarText(entry(build.value, 'dockerfile')?.value) ?? 'Dockerfile';
  const target = scalarText(entry(build.value, 'target')?.value);
  const composeDir = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '.';
  const dockerfilePath = posix.normalize(posix.join(composeDir, context, dockerfile));
  const text = ctx.read(dockerfilePath);
  if (text === undefined) return [];
  // The Dockerfile check already reports its final stage's root user: one mistake, one finding.
  if (!target && isDockerfile(dockerfilePath)) return [];
  const who = imageUser(stagesOf(parseDockerfile(text).instructions), target);
  if (!who?.root) return [];
  const why = who.user ? `its last USER is ${who.user.args}` : 'it sets no USER';
  return [
    containerRoot.at(nodeSpan(file, service.keyNode), {
      message: `Service ${name} sets no user:, and the image it builds from ${dockerfilePath} runs as root (${why}).`,
      key: `no user ${name}`,
      related: [{ path: dockerfilePath, line: (who.user ?? who.stage.from).line, column: 1, endLine: (who.user ?? who.stage.from).line, endColumn: 1, message: 'where the image leaves the user as root' }],
    }),
  ];
}

/** `environment:` as a mapping (`KEY: value`) or a list (`- KEY=value`). */
function environmentSecrets(file: YamlFile, service: string, env: Node | null | undefined): Detection[] {
  const found: Array<{ name: string; value: string; node: Node }> = [];
  for (const e of mapEntries(env)) {
    const value = scalarText(e.value);
    if (value !== undefined) found.push({ name: e.key, value, node: e.keyNode });
  }
  for (const item of seqItems(env)) {
    const text = scalarText(item);
    const eq = text?.indexOf('=') ?? -1;
    if (text !== undefined && eq > 0) found.push({ name: text.slice(0, eq), value: text.slice(eq + 1), node: item });
  }
  return found
    .filter((f) => isLiteralSecret(f.name, f.value))
    .map((f) =>
      aboutSecret(
        containerEnvSecret.at(nodeSpan(file, f.node), {
          // Redaction hides the value wherever it appears; a name that contains it would be masked too.
          message: `${f.value.length >= 3 && service.toLowerCase().includes(f.value.toLowerCase()) ? 'This service' : `Service ${service}`} sets ${f.name} to a literal value in environment:.`,
          key: `environment ${service} ${f.name}`,
        }),
        f.value,
      ),
    );
}
