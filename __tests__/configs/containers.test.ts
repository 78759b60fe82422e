import { bindsPublicly, databasesIn, loopbackSpec, parsePortSpec } from '../../src/configs/containers/port-spec.js';
import { imageUser, parseDockerfile, stagesOf } from '../../src/configs/containers/dockerfile.js';
import { dockerRunCheck } from '../../src/configs/containers/docker-run.js';
import { kubernetesCheck } from '../../src/configs/containers/kubernetes.js';
import { parseYaml, entry, scalarText, seqItems } from '../../src/configs/formats/yaml.js';
import { databaseOfImage, listensOnLoopbackOnly } from '../../src/configs/containers/database-images.js';
import { isRootDaemonSocket } from '../../src/configs/containers/docker-socket.js';

const ctx = { read: () => undefined, paths: () => [] };

test('a Kubernetes hostPort is judged by its hostIP as compose and docker run are: a public one is reported', () => {
  const pod = (hostIP: string) =>
    `apiVersion: v1\nkind: Pod\nmetadata: { name: db }\nspec:\n  containers:\n    - name: pg\n      image: postgres:16\n      ports:\n        - { containerPort: 5432, hostPort: 5432${hostIP ? `, hostIP: ${hostIP}` : ''} }\n`;
  const published = (hostIP: string) => kubernetesCheck.check('k8s/db.yaml', pod(hostIP), ctx).filter((d) => d.ruleId === 'container-db-port-published');
  expect(published('')).toHaveLength(1);
  expect(published('203.0.113.10')).toEqual([expect.objectContaining({ message: expect.stringMatching(/on the public address 203\.0\.113\.10: the node's iptables rules for hostPort bypass ufw/) })]);
  expect(published('10.0.0.5')).toEqual([]);
  expect(published('127.0.0.1')).toEqual([]);
});

describe('docker port specs', () => {
  test.each([
    ['5432:5432', { hostPort: '5432', containerPort: '5432' }],
    ['5432', { containerPort: '5432' }],
    ['0.0.0.0:5432:5432', { hostIp: '0.0.0.0', hostPort: '5432', containerPort: '5432' }],
    ['127.0.0.1::5432', { hostIp: '127.0.0.1', hostPort: '', containerPort: '5432' }],
    ['[::1]:6379:6379/tcp', { hostIp: '::1', hostPort: '6379', containerPort: '6379', protocol: 'tcp' }],
    ['::1:6379:6379', { hostIp: '::1', hostPort: '6379', containerPort: '6379' }],
    ['9200-9300:9200-9300', { hostPort: '9200-9300', containerPort: '9200-9300' }],
  ])('%s', (text, spec) => {
    expect(parsePortSpec(text)).toEqual(spec);
  });

  test('not a port spec', () => {
    expect(parsePortSpec('postgres')).toBeUndefined();
  });

  test('which bindings reach beyond the host, which ports are databases', () => {
    expect([undefined, '0.0.0.0', '::', '203.0.113.9'].map(bindsPublicly)).toEqual([true, true, true, true]);
    expect(['127.0.0.1', '::1', '10.0.1.5'].map(bindsPublicly)).toEqual([false, false, false]);
    expect(databasesIn('9000-9300')).toEqual([[9200, 'Elasticsearch']]);
    expect(databasesIn('8080')).toEqual([]);
    expect(loopbackSpec({ containerPort: '5432' })).toBe('127.0.0.1:5432:5432');
  });
});

describe('Dockerfile reader', () => {
  test('continuations, comments inside them, and stages', () => {
    const text = 'FROM node:20 AS build\nRUN npm ci && \\\n# comment\n    npm run build\nFROM build AS test\nUSER node\nFROM gcr.io/distroless/nodejs20:nonroot\n';
    const { instructions, problems } = parseDockerfile(text);
    expect(problems).toEqual([]);
    expect(instructions.map((i) => [i.keyword, i.line, i.endLine])).toEqual([
      ['FROM', 1, 1],
      ['RUN', 2, 4],
      ['FROM', 5, 5],
      ['USER', 6, 6],
      ['FROM', 7, 7],
    ]);
    const stages = stagesOf(instructions);
    expect(stages.map((s) => s.name)).toEqual(['build', 'test', undefined]);
    expect(imageUser(stages)?.root).toBe(false);
    expect(imageUser(stages, 'test')).toMatchObject({ root: false });
    expect(imageUser(stages, 'build')).toMatchObject({ root: true });
  });

  test('a stage built FROM an earlier one inherits its USER', () => {
    const stages = stagesOf(parseDockerfile('FROM python:3 AS base\nUSER 10001\nFROM base\nCMD ["x"]\n').instructions);
    expect(imageUser(stages)?.user?.args).toBe('10001');
  });

  test('the escape directive and here-documents', () => {
    const text = '# escape=`\nFROM mcr.microsoft.com/windows/servercore\nRUN dir `\n  c:\\\nRUN <<EOF\nUSER root\nEOF\nUSER app\n';
    expect(parseDockerfile(text).instructions.map((i) => i.keyword)).toEqual(['FROM', 'RUN', 'RUN', 'USER']);
  });
});

describe('docker run options', () => {
  const run = (script: string) => dockerRunCheck.check('x.sh', `#!/bin/sh\n${script}\n`, ctx).map((d) => [d.ruleId, d.line, d.column]);

  test('reads -p forms up to the image, not the container command', () => {
    expect(run('docker run -dit -p5432:5432 postgres')).toEqual([['container-db-port-published', 2, 17]]);
    expect(run('docker container create --publish 27017:27017 mongo')).toEqual([['container-db-port-published', 2, 35]]);
    expect(run('docker run -e X=1 --name db postgres psql -p 5432')).toEqual([]);
    expect(run('docker ps -p 5432')).toEqual([]);
  });
});

describe('YAML reader', () => {
  test('YAML 1.1 booleans and repeated keys for PyYAML readers', () => {
    const file = parseYaml('a: yes\na: no\n', '1.1', { duplicateKeys: true });
    expect(file.problems).toEqual([]);
    expect(scalarText(entry(file.docs[0].contents, 'a')?.value)).toBe('false');
  });

  test('malformed YAML is a problem with a position, not an exception', () => {
    const file = parseYaml('a: [1, 2\nb: 3\n', '1.2');
    expect(file.docs).toEqual([]);
    expect(file.problems[0]).toMatchObject({ line: expect.any(Number), column: expect.any(Number) });
  });
});

describe('YAML anchors', () => {
  test('merge keys and aliases resolve, own keys win', () => {
    const file = parseYaml('x-db: &db\n  user: root\n  ports: ["5432:5432"]\nservices:\n  a:\n    <<: *db\n    user: "10001"\n  b:\n    ports: *p\n', '1.2');
    expect(file.problems).toHaveLength(1); // *p is undefined: reported, not thrown
    const ok = parseYaml('x-db: &db\n  user: root\n  ports: &p ["5432:5432"]\nservices:\n  a:\n    <<: *db\n    user: "10001"\n  b:\n    ports: *p\n', '1.2');
    const services = entry(ok.docs[0].contents, 'services')?.value;
    const a = entry(services, 'a')?.value;
    expect(scalarText(entry(a, 'user')?.value)).toBe('10001');
    expect(seqItems(entry(a, 'ports')?.value).map(scalarText)).toEqual(['5432:5432']);
    expect(seqItems(entry(entry(services, 'b')?.value, 'ports')?.value).map(scalarText)).toEqual(['5432:5432']);
  });
});

describe('what the host-access checks recognise', () => {
  test('database images by their last path segment, tag and digest aside', () => {
    expect(['docker.io/library/postgres:16-alpine', 'bitnami/redis@sha256:abc', '${DB_IMAGE:-mongo:7}', 'mysql/mysql-server:8.0'].map((i) => databaseOfImage(i)?.[0])).toEqual([5432, 6379, 27017, 3306]);
    expect(['nginx:1.27', 'postgres-exporter', 'example/redis-commander'].map((i) => databaseOfImage(i))).toEqual([undefined, undefined, undefined]);
  });

  test('a loopback bind in the command keeps a host-network database off the other interfaces', () => {
    expect(['redis-server --bind 127.0.0.1', 'postgres -c listen_addresses=localhost', 'mongod --bind_ip 127.0.0.1', 'mysqld --bind-address=127.0.0.1', 'memcached -l 127.0.0.1'].every(listensOnLoopbackOnly)).toBe(true);
    expect(['redis-server --bind 0.0.0.0', 'redis-server --bind 127.0.0.1.example', 'postgres -c listen_addresses=*', 'mongod --bind_ip 127.0.0.1,10.0.0.5', ''].some(listensOnLoopbackOnly)).toBe(false);
  });

  test('the root daemon socket, not a rootless one', () => {
    expect(['/var/run/docker.sock', '/run/docker.sock', '//var/run/docker.sock', '${SOCK:-/var/run/docker.sock}', '/run/podman/podman.sock'].every(isRootDaemonSocket)).toBe(true);
    expect(['/run/user/1000/docker.sock', '${XDG_RUNTIME_DIR}/docker.sock', '/var/run', './docker.sock'].some(isRootDaemonSocket)).toBe(false);
  });
});
