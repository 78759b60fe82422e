import type { Detection } from '../../model/finding.js';
import { judgeService } from '../containers/kubernetes-service.js';
import type { Span } from '../rule.js';

type Obj = Record<string, unknown>;

const str = (v: unknown): string | undefined => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined);
const blocks = (v: unknown): Obj[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((b): b is Obj => typeof b === 'object' && b !== null);

export type Locate = (type: string, name: string, block: string, k: number, field: string) => Span;

/**
 * The provider's `kubernetes_service` (and `_v1`) read as the Service it creates, so a database
 * on a NodePort or a public load balancer is judged as in a manifest.
 */
export function terraformServices(resources: Record<string, Record<string, Obj[]>>, resolve: (o: Obj) => Obj, locate: Locate): Detection[] {
  const out: Detection[] = [];
  for (const type of ['kubernetes_service', 'kubernetes_service_v1']) {
    for (const [name, instances] of Object.entries(resources[type] ?? {})) {
      const resource = instances[0] ?? {};
      const metadata = resolve(blocks(resource.metadata)[0] ?? {});
      const spec = resolve(blocks(resource.spec)[0] ?? {});
      const annotations = typeof metadata.annotations === 'object' && metadata.annotations !== null ? (metadata.annotations as Obj) : {};
      out.push(
        ...judgeService({
          name: str(metadata.name) ?? name,
          type: str(spec.type),
          annotations: new Map(Object.entries(annotations).map(([k, v]) => [k, str(v) ?? ''])),
          sourceRanges: (Array.isArray(spec.load_balancer_source_ranges) ? spec.load_balancer_source_ranges : []).flatMap((r) => str(r) ?? []),
          ports: blocks(spec.port).map((p, k) => ({ written: [str(p.port), str(p.target_port)], at: locate(type, name, 'port', k, 'port') })),
        }),
      );
    }
  }
  return out;
}
