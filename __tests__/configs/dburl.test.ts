import { findDbUrls, param, parseDbUrl } from '../../src/configs/dburl/parse.js';
import { classifyHost } from '../../src/configs/dburl/hosts.js';

describe('database URL parser', () => {
  test("the guide's URL: userinfo, host, port, database, query", () => {
    const url = parseDbUrl('postgresql://agent:PASSWORD@10.0.1.5:5432/agentdb?sslmode=require');
    expect(url).toMatchObject({ scheme: 'postgresql', kind: 'postgres', user: 'agent', hasPassword: true, database: 'agentdb' });
    expect(url?.hosts).toEqual([{ host: '10.0.1.5', port: 5432, offset: 'postgresql://agent:PASSWORD@'.length, length: 8 }]);
    expect(url && param(url, 'sslmode')?.value).toBe('require');
    expect(url).not.toHaveProperty('password');
  });

  test('IPv6 hosts in brackets and several hosts', () => {
    const url = parseDbUrl('postgres://u@[fd00::5]:5433,db2:5432,[::1]/x?target_session_attrs=read-write');
    expect(url?.hosts.map((h) => [h.host, h.port])).toEqual([
      ['fd00::5', 5433],
      ['db2', 5432],
      ['::1', undefined],
    ]);
    expect(url?.hosts[0].offset).toBe('postgres://u@['.length);
  });

  test("a password with '@' and ':' in it does not leak into the host", () => {
    const url = parseDbUrl('mysql://app:p@ss:w0rd@db.internal:3306/app');
    expect(url?.hosts.map((h) => h.host)).toEqual(['db.internal']);
    expect(url?.user).toBe('app');
  });

  test('Unix sockets: ?host= and percent-encoded paths', () => {
    expect(parseDbUrl('postgresql:///agentdb?host=/var/run/postgresql')?.hosts.map((h) => h.host)).toEqual(['/var/run/postgresql']);
    expect(parseDbUrl('postgresql://%2Fvar%2Frun%2Fpostgresql/agentdb')?.hosts.map((h) => h.host)).toEqual(['/var/run/postgresql']);
    expect(parseDbUrl('postgresql:///agentdb')?.hosts.map((h) => h.host)).toEqual(['']);
  });

  test('query parameters: decoded, keys lower-cased, last one wins', () => {
    const url = parseDbUrl('postgres://h/db?SSLMODE=disable&application_name=a%20b&sslmode=verify-full#frag');
    expect(url?.params.map((p) => [p.key, p.value])).toEqual([
      ['sslmode', 'disable'],
      ['application_name', 'a b'],
      ['sslmode', 'verify-full'],
    ]);
    expect(url && param(url, 'sslmode')?.value).toBe('verify-full');
  });

  test('schemes: drivers, TLS schemes, srv', () => {
    expect(parseDbUrl('postgresql+asyncpg://h/db')).toMatchObject({ scheme: 'postgresql+asyncpg', kind: 'postgres' });
    expect(parseDbUrl('mongodb+srv://h/db')).toMatchObject({ kind: 'mongodb', tlsScheme: true });
    expect(parseDbUrl('rediss://h:6380')).toMatchObject({ kind: 'redis', tlsScheme: true });
    expect(parseDbUrl('redis://h:6379')).toMatchObject({ kind: 'redis', tlsScheme: false });
    expect(parseDbUrl('https://h/x')).toBeUndefined();
  });

  test('finds URLs in code, YAML and JSON, trimming the punctuation around them', () => {
    const text = 'db = connect("postgres://h1/db")\nurl: redis://h2:6379/0.\n{"u": "amqp://h3/v"}\n(see mysql://h4/db)';
    expect(findDbUrls(text).map((f) => [f.url.text, f.offset])).toEqual([
      ['postgres://h1/db', 14],
      ['redis://h2:6379/0', 38],
      ['amqp://h3/v', text.indexOf('amqp')],
      ['mysql://h4/db', text.indexOf('mysql')],
    ]);
  });
});

describe('host classes', () => {
  test.each([
    ['localhost', 'local'],
    ['127.0.0.1', 'local'],
    ['::1', 'local'],
    ['/var/run/postgresql', 'local'],
    ['10.0.1.5', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.1', 'private'],
    ['192.168.1.10', 'private'],
    ['fd00::5', 'private'],
    ['db', 'private'],
    ['db.internal', 'private'],
    ['postgres.agents.svc.cluster.local', 'private'],
    ['172.32.0.1', 'public'],
    ['db.example-agents.com', 'public'],
    ['34.120.5.6', 'public'],
    ['2001:db8::1', 'public'],
    ['${DB_HOST}', 'unknown'],
  ])('%s is %s', (host, cls) => {
    expect(classifyHost(host)).toBe(cls);
  });
});
