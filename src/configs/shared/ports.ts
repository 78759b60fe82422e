/** Ports and addresses the guide's firewall advice is about, shared by the payload and ufw checks. */

export const SSH_PORT = 22;

/** The guide names the first three; MySQL, Elasticsearch and Memcached are just as unauthenticated by default. */
export const DATABASE_PORTS: ReadonlyMap<number, string> = new Map([
  [5432, 'PostgreSQL'],
  [6379, 'Redis'],
  [27017, 'MongoDB'],
  [3306, 'MySQL'],
  [9200, 'Elasticsearch'],
  [11211, 'Memcached'],
]);

/** Service and ufw application-profile names for those ports (`ufw allow postgres`, `ufw allow OpenSSH`). */
export const SERVICE_PORTS: ReadonlyMap<string, number> = new Map([
  ['ssh', 22],
  ['openssh', 22],
  ['postgres', 5432],
  ['postgresql', 5432],
  ['redis', 6379],
  ['mongodb', 27017],
  ['mongo', 27017],
  ['mysql', 3306],
  ['mariadb', 3306],
  ['elasticsearch', 9200],
  ['memcache', 11211],
  ['memcached', 11211],
]);

export interface PortRange {
  from: number;
  to: number;
}

/** True for a source that means "anyone on the internet". */
export function isWorld(source: string): boolean {
  return /^(0\.0\.0\.0\/0|0\.0\.0\.0|0\/0|::\/0|::0\/0|\*|any|anywhere|all|internet)$/i.test(source.trim());
}

export interface Exposure {
  ssh: boolean;
  /** Database ports inside the range, with their names. */
  databases: [number, string][];
}

export function exposureOf(ranges: readonly PortRange[]): Exposure {
  const covers = (p: number) => ranges.some((r) => r.from <= p && p <= r.to);
  return { ssh: covers(SSH_PORT), databases: [...DATABASE_PORTS].filter(([p]) => covers(p)) };
}

export function describeDatabases(dbs: readonly [number, string][]): string {
  return dbs.map(([p, n]) => `${n} (${p})`).join(', ');
}

/**
 * `22`, `"22"`, `"5000-6000"`, `"5000:6000"` (ufw's range syntax), `"80,443"`; undefined when
 * the text is not a port list at all (a service name).
 */
export function parsePorts(text: string): PortRange[] | undefined {
  const out: PortRange[] = [];
  for (const part of text.split(',')) {
    // Trimmed first: `\s*` on both sides of an optional group is quadratic in a run of blanks.
    const m = /^(\d{1,5})(?:\s*[-:]\s*(\d{1,5}))?$/.exec(part.trim());
    if (!m) return undefined;
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    out.push({ from: Math.min(from, to), to: Math.max(from, to) });
  }
  return out;
}
