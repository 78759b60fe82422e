import { DATABASE_PORTS } from '../shared/ports.js';
import { withDefaults } from '../openclaw/deploy-auth.js';
import { beforeFirst } from '../../model/trim.js';

/**
 * Images of the databases the guide keeps off public interfaces, by the port their entrypoint
 * listens on. Each of these images listens on every interface of its network by default (the
 * postgres image sets `listen_addresses='*'`, mongo passes `--bind_ip_all`), which is harmless
 * on a bridge and not on the host's network.
 */
const IMAGE_PORTS: ReadonlyArray<[RegExp, number]> = [
  [/^(postgres|postgresql|postgis|timescaledb(-ha)?|pgvector)$/, 5432],
  [/^(redis|redis-stack(-server)?|valkey|keydb)$/, 6379],
  [/^(mongo|mongodb|mongodb-community-server)$/, 27017],
  [/^(mysql|mysql-server|mariadb|percona|percona-server)$/, 3306],
  [/^(elasticsearch|opensearch)$/, 9200],
  [/^memcached$/, 11211],
];

/** The database an image reference runs (`docker.io/library/postgres:16`, `bitnami/redis@sha256:…`). */
export function databaseOfImage(image: string): [number, string] | undefined {
  // `${DB_IMAGE:-postgres:16}` is its default unless the environment says otherwise.
  const ref = withDefaults(image).trim();
  const name = beforeFirst(beforeFirst(ref, '@').split('/').pop() ?? '', ':').toLowerCase();
  const port = IMAGE_PORTS.find(([re]) => re.test(name))?.[1];
  return port === undefined ? undefined : [port, DATABASE_PORTS.get(port) ?? name];
}

/**
 * Whether a command line makes the database listen on loopback only (`redis-server --bind
 * 127.0.0.1`, `postgres -c listen_addresses=localhost`, `mongod --bind_ip 127.0.0.1`,
 * `mysqld --bind-address=127.0.0.1`, `memcached -l 127.0.0.1`), which the host network cannot widen.
 */
export function listensOnLoopbackOnly(command: string): boolean {
  return /(?:--bind(?:_ip|-address)?[=\s]+|listen_addresses\s*=\s*['"]?|(?:^|\s)-l\s+)(?:127\.0\.0\.1|localhost|::1)(?![\w.:,])/.test(command);
}
