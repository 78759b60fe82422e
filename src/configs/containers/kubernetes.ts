import type { Node } from 'yaml';
import type { Detection } from '../../model/finding.js';
import type { ConfigCheck } from '../rule.js';
import { yamlProblem } from '../parse-error.js';
import { aboutSecret, isLiteralSecret } from '../shared/secret-values.js';
import { entry, isFalsy, isTruthy, nodeSpan, parseYaml, scalarText, seqItems, type MapEntry, type YamlFile } from '../formats/yaml.js';
import { isComposeFile } from './compose.js';
import { bindsPublicly, databasesIn, publishedMessage } from './port-spec.js';
import { containerEnvSecret, containerPrivileged, containerRoot, dbHostNetwork, dbPortPublished, dbServiceExposed, dockerSocketMounted } from './rules.js';
import { checkService } from './kubernetes-service.js';
import { databaseOfImage, listensOnLoopbackOnly } from './database-images.js';
import { isRootDaemonSocket, socketMessage } from './docker-socket.js';

/**
 * Kubernetes workloads: where each kind keeps its pod template, and the pod- and
 * container-level securityContext, where the container's setting wins over the pod's.
 */
const POD_SPEC_PATH: Record<string, string[]> = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

export const kubernetesCheck: ConfigCheck = {
  name: 'kubernetes',
  rules: [containerRoot, containerPrivileged, dbPortPublished, containerEnvSecret, dbServiceExposed, dbHostNetwork, dockerSocketMounted],
  applies(path, text) {
    // Helm and other templates are not YAML until rendered.
    if (!/\.ya?ml$/i.test(path) || isComposeFile(path) || text.includes('{{')) return false;
    return /^apiVersion:/m.test(text) && /^kind:/m.test(text) && !/^\.(github|gitlab)\//.test(path);
  },
  check(path, text) {
    // Kubernetes reads YAML 1.1 (`yes` is true).
    const file = parseYaml(text, '1.1');
    const out: Detection[] = file.problems.map((p) => yamlProblem(path, p));
    for (const doc of [...file.docs, ...file.partial]) {
      const kind = scalarText(entry(doc.contents, 'kind')?.value) ?? '';
      if (kind === 'Service') out.push(...checkService(file, doc));
      const route = POD_SPEC_PATH[kind];
      if (!route) continue;
      let spec: unknown = doc.contents;
      for (const key of route) spec = entry(spec, key)?.value;
      const name = scalarText(entry(entry(doc.contents, 'metadata')?.value, 'name')?.value) ?? kind;
      out.push(...checkPodSpec(file, `${kind} ${name}`, spec));
    }
    return out;
  },
};

function checkPodSpec(file: YamlFile, workload: string, spec: unknown): Detection[] {
  const out: Detection[] = [];
  const podContext = entry(spec, 'securityContext')?.value;
  const onHost = entry(spec, 'hostNetwork');
  const hostNetwork = onHost && isTruthy(onHost.value) ? onHost : undefined;
  const reported = new Set<Node>();
  const containers = ['initContainers', 'containers', 'ephemeralContainers'].flatMap((k) => seqItems(entry(spec, k)?.value));
  for (const c of containers) {
    const cname = scalarText(entry(c, 'name')?.value) ?? '?';
    const who = `${workload}, container ${cname}`;
    const own = entry(c, 'securityContext')?.value;
    const runAsUser = entry(own, 'runAsUser') ?? entry(podContext, 'runAsUser');
    const runAsNonRoot = entry(own, 'runAsNonRoot') ?? entry(podContext, 'runAsNonRoot');
    const uid = scalarText(runAsUser?.value);
    if (runAsUser && uid === '0' && !reported.has(runAsUser.keyNode)) {
      reported.add(runAsUser.keyNode);
      out.push(containerRoot.at(nodeSpan(file, runAsUser.keyNode), { message: `${who} runs with runAsUser: 0 (root).`, key: `runAsUser 0 ${workload} ${cname}` }));
    } else if (!runAsUser && runAsNonRoot && isFalsy(runAsNonRoot.value) && !reported.has(runAsNonRoot.keyNode)) {
      // Without a runAsUser the image's user applies, and runAsNonRoot: false lets it be root.
      reported.add(runAsNonRoot.keyNode);
      out.push(
        containerRoot.at(nodeSpan(file, runAsNonRoot.keyNode), {
          message: `${who} sets runAsNonRoot: false and no runAsUser, so it runs as the image's user, usually root.`,
          key: `runAsNonRoot false ${workload} ${cname}`,
        }),
      );
    }
    const privileged = entry(own, 'privileged');
    if (privileged && isTruthy(privileged.value)) {
      out.push(containerPrivileged.at(nodeSpan(file, privileged.keyNode), { message: `${who} sets privileged: true.`, key: `privileged ${workload} ${cname}` }));
    }
    // On the host network a hostPort is the container's own port, not a NAT rule: judged below.
    if (!hostNetwork) out.push(...hostPorts(file, who, c));
    out.push(...envSecrets(file, who, entry(c, 'env')?.value));
  }
  if (hostNetwork) out.push(...dbOnHostNetwork(file, workload, hostNetwork, containers));
  out.push(...socketVolumes(file, workload, spec, containers));
  return out;
}

function dbOnHostNetwork(file: YamlFile, workload: string, hostNetwork: MapEntry, containers: Node[]): Detection[] {
  for (const c of containers) {
    const image = scalarText(entry(c, 'image')?.value) ?? '';
    const ports = seqItems(entry(c, 'ports')?.value).flatMap((p) => databasesIn(scalarText(entry(p, 'containerPort')?.value) ?? ''));
    const db = databaseOfImage(image) ?? ports[0];
    const command = ['command', 'args'].flatMap((k) => seqItems(entry(c, k)?.value).map((w) => scalarText(w) ?? '')).join(' ');
    if (!db || listensOnLoopbackOnly(command)) continue;
    const cname = scalarText(entry(c, 'name')?.value) ?? '?';
    return [
      dbHostNetwork.at(nodeSpan(file, hostNetwork.keyNode), {
        message: `${workload} sets hostNetwork: true, so container ${cname}${image ? ` (${image})` : ''} has ${db[1]} (${db[0]}) listen on every interface of the node.`,
        key: `hostNetwork ${workload}`,
      }),
    ];
  }
  return [];
}

/** `hostPath` volumes of the daemon's socket; read-only when every mount of it says so. */
function socketVolumes(file: YamlFile, workload: string, spec: unknown, containers: Node[]): Detection[] {
  const out: Detection[] = [];
  for (const v of seqItems(entry(spec, 'volumes')?.value)) {
    const path = entry(entry(v, 'hostPath')?.value, 'path');
    const source = scalarText(path?.value);
    if (!path || !source || !isRootDaemonSocket(source)) continue;
    const volume = scalarText(entry(v, 'name')?.value);
    const mounts = containers.flatMap((c) => seqItems(entry(c, 'volumeMounts')?.value)).filter((m) => scalarText(entry(m, 'name')?.value) === volume);
    const readOnly = mounts.length > 0 && mounts.every((m) => isTruthy(entry(m, 'readOnly')?.value));
    out.push(dockerSocketMounted.at(nodeSpan(file, path.value), { message: socketMessage(workload, source, readOnly), key: `docker.sock ${workload}` }));
  }
  return out;
}

/** `hostPort:` binds the port on every address of the node, past the host firewall. */
function hostPorts(file: YamlFile, who: string, container: Node): Detection[] {
  const out: Detection[] = [];
  for (const port of seqItems(entry(container, 'ports')?.value)) {
    const hostPort = entry(port, 'hostPort');
    const containerPort = scalarText(entry(port, 'containerPort')?.value) ?? '';
    const hostIp = scalarText(entry(port, 'hostIP')?.value);
    const dbs = databasesIn(containerPort);
    if (!hostPort || !dbs.length || !bindsPublicly(hostIp)) continue;
    out.push(
      dbPortPublished.at(nodeSpan(file, hostPort.keyNode), {
        message: publishedMessage(`${who} (hostPort ${scalarText(hostPort.value)})`, dbs, hostIp, "the node's iptables rules for hostPort"),
        key: `hostPort ${who} ${containerPort}`,
      }),
    );
  }
  return out;
}

/** `env: [{name, value}]` with a literal secret value (valueFrom is the fix). */
function envSecrets(file: YamlFile, who: string, env: unknown): Detection[] {
  const out: Detection[] = [];
  for (const item of seqItems(env)) {
    const name = scalarText(entry(item, 'name')?.value);
    const value: MapEntry | undefined = entry(item, 'value');
    const text = scalarText(value?.value);
    if (!name || !value || text === undefined || !isLiteralSecret(name, text)) continue;
    out.push(aboutSecret(containerEnvSecret.at(nodeSpan(file, value.keyNode), { message: `${who} sets env ${name} to a literal value.`, key: `env ${who} ${name}` }), text));
  }
  return out;
}
