import type { Detection } from '../../model/finding.js';
import type { ConfigContext } from '../rule.js';
import { parseUnit, positionInValue } from '../systemd/parse.js';
import { splitEnvironment } from '../systemd/environment.js';
import { entry, nodeSpan, parseYaml, scalarText, seqItems } from '../formats/yaml.js';
import { bindOf, deployAuth, GATEWAY_PORTS, isGatewayCommand, isOffLoopback, repoAuth, severityOf } from './deploy-auth.js';
import { gatewayBind, gatewayPublished } from './deploy-rules.js';

/** systemd `ExecStart=` of the gateway with `--bind` off loopback, judged with the unit's own Environment=. */
export function checkUnitGateway(path: string, text: string, ctx: ConfigContext): Detection[] {
  const unit = parseUnit(path, text);
  const service = unit.entries.filter((e) => e.section === 'Service');
  const env = service.filter((e) => e.key === 'Environment').flatMap((e) => splitEnvironment(e.value));
  const hasEnvFile = service.some((e) => e.key === 'EnvironmentFile');
  const out: Detection[] = [];
  for (const e of service.filter((x) => x.key === 'ExecStart')) {
    // systemd's prefixes (-, @, :, +, !) sit before the program path.
    const words = [...e.value.matchAll(/"[^"]*"|'[^']*'|\S+/g)].map((m, i) => ({ text: m[0].replace(/^["']|["']$/g, '').replace(i === 0 ? /^[-@:+!]+/ : /^$/, ''), offset: m.index ?? 0 }));
    const texts = words.map((w) => w.text);
    if (!isGatewayCommand(texts)) continue;
    const bind = bindOf(texts);
    if (!bind || !isOffLoopback(bind.value)) continue;
    const auth = deployAuth(env, hasEnvFile, ctx);
    const at = positionInValue(e, words[bind.index].offset);
    out.push(
      gatewayBind.at(at, {
        message: `${path} starts the gateway with --bind ${bind.value}, so it listens beyond loopback on this host; auth: ${auth.why}.`,
        key: `unit bind ${bind.value}`,
        severity: severityOf(auth),
      }),
    );
  }
  return out;
}

/** A Kubernetes Service that exposes 18789/18790 outside the cluster (LoadBalancer or NodePort). */
export function checkServiceGateway(text: string, ctx: ConfigContext): Detection[] {
  const file = parseYaml(text, '1.1');
  const out: Detection[] = [];
  for (const doc of file.docs) {
    if (scalarText(entry(doc.contents, 'kind')?.value) !== 'Service') continue;
    const spec = entry(doc.contents, 'spec')?.value;
    const type = scalarText(entry(spec, 'type')?.value);
    if (type !== 'LoadBalancer' && type !== 'NodePort') continue;
    const name = scalarText(entry(entry(doc.contents, 'metadata')?.value, 'name')?.value) ?? 'Service';
    for (const p of seqItems(entry(spec, 'ports')?.value)) {
      const ports = ['port', 'targetPort'].map((k) => Number(scalarText(entry(p, k)?.value))).filter((n) => GATEWAY_PORTS.has(n));
      if (!ports.length) continue;
      const auth = repoAuth(ctx);
      out.push(
        gatewayPublished.at(nodeSpan(file, p), {
          message: `Service ${name} (type ${type}) exposes ${GATEWAY_PORTS.get(ports[0])} outside the cluster; auth: ${auth.why}.`,
          key: `k8s ${name} ${ports[0]}`,
          severity: severityOf(auth),
        }),
      );
    }
  }
  return out;
}
