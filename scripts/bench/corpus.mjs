// A deterministic synthetic corpus: source files, configs and minified bundles with planted
// fake secrets, so every run and every machine measures the same bytes.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function rng(seed) {
  let counter = 0;
  let pool = Buffer.alloc(0);
  let at = 0;
  return () => {
    if (at >= pool.length) {
      pool = createHash('sha512').update(`${seed}:${counter++}`).digest();
      at = 0;
    }
    return pool[at++];
  };
}

const WORDS = ['user', 'agent', 'config', 'request', 'response', 'handler', 'value', 'token', 'session', 'client', 'server', 'result', 'item', 'list', 'index', 'count', 'state', 'error', 'message', 'options', 'data', 'path', 'key', 'name', 'type', 'id'];

function makeText(next, kind, size, plant) {
  const pick = (a) => a[next() % a.length];
  const ident = () => pick(WORDS) + pick(WORDS).replace(/^./, (c) => c.toUpperCase());
  const rand = (n) => Array.from({ length: n }, () => ALNUM[next() % ALNUM.length]).join('');
  const lines = [];
  let bytes = 0;
  while (bytes < size) {
    let line;
    const r = next();
    if (kind === 'min') {
      line = Array.from({ length: 2000 }, () => `${ident()}:function(${pick(WORDS)}){return ${pick(WORDS)}.${ident()}(${next()})}`).join(',');
    } else if (kind === 'env') {
      line = `${ident().toUpperCase()}_${pick(['URL', 'MODE', 'NAME', 'PORT'])}=${pick(WORDS)}-${next()}`;
    } else if (kind === 'yaml') {
      line = `${'  '.repeat(r % 3)}${ident()}: ${pick(['true', 'false', String(next() * 7), pick(WORDS)])}`;
    } else {
      line = r % 5 === 0 ? `  // ${pick(WORDS)} ${pick(WORDS)} ${pick(WORDS)} the ${ident()} when task-list or desk-top changes` : `  const ${ident()} = await ${ident()}.${ident()}(${pick(WORDS)}, "${pick(WORDS)}-${rand(6)}");`;
    }
    if (plant && next() % 97 === 0) {
      const secret = pick([`mbd_live_${rand(40)}`, `sk-proj-${rand(60)}T3BlbkFJ${rand(60)}`, `${1000000000 + next() * 1000}:AA${rand(33)}`]);
      line += kind === 'min' ? `,k:"${secret}"` : ` // key "${secret}"`;
      plant.count++;
    }
    lines.push(line);
    bytes += line.length + 1;
  }
  return lines.join('\n') + '\n';
}

/** Writes the corpus once (it is cached by size and version); returns its folder and planted count. */
export function ensureCorpus(cacheDir, totalMiB) {
  const dir = join(cacheDir, `synthetic-v1-${totalMiB}m`);
  const manifest = join(dir, '.manifest.json');
  if (existsSync(manifest)) return { dir, ...JSON.parse(readFileSync(manifest, 'utf8')) };
  const next = rng('moltguard-bench');
  const plant = { count: 0 };
  let written = 0;
  let files = 0;
  const kinds = ['ts', 'ts', 'ts', 'ts', 'yaml', 'env', 'min'];
  while (written < totalMiB * 1024 * 1024) {
    const kind = kinds[files % kinds.length];
    const size = kind === 'min' ? 2_000_000 : 20_000 + (next() * 300);
    const text = makeText(next, kind, size, plant);
    const sub = join(dir, `pkg${files % 50}`, kind);
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `file${files}.${kind === 'min' ? 'min.js' : kind}`), text);
    written += text.length;
    files++;
  }
  const info = { files, bytes: written, planted: plant.count };
  writeFileSync(manifest, JSON.stringify(info));
  return { dir, ...info };
}
