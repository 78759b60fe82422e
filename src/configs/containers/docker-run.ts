import type { Detection } from '../../model/finding.js';
import type { ConfigCheck } from '../rule.js';
import { isShellScript, scriptOf } from '../shell/check.js';
import type { Word } from '../shell/lex.js';
import { replaceRaw, wordSpan, type Invocation, type ShellScript } from '../shell/script.js';
import { bindsPublicly, databasesIn, loopbackSpec, parsePortSpec, publishedMessage } from './port-spec.js';
import { containerPrivileged, dbHostNetwork, dbPortPublished, dockerSocketMounted } from './rules.js';
import { databaseOfImage, listensOnLoopbackOnly } from './database-images.js';
import { isRootDaemonSocket, socketMessage } from './docker-socket.js';
import { beforeFirst } from '../../model/trim.js';

/**
 * `docker run -p 5432:5432 postgres` (and `docker create`, `docker container run`, podman) in
 * shell scripts. Options are read the way docker reads them, up to the image name, so a
 * `-p` that belongs to the container's own command (`psql -p 5432`) is not taken for one.
 */

// Short flags that take no value; every other short option takes one (attached or next word).
const SHORT_BOOLEAN = new Set(['d', 'i', 't', 'P', 'q']);
const LONG_BOOLEAN = new Set(['--rm', '--privileged', '--init', '--detach', '--interactive', '--tty', '--read-only', '--publish-all', '--no-healthcheck', '--oom-kill-disable', '--sig-proxy', '--quiet', '--help']);

export const dockerRunCheck: ConfigCheck = {
  name: 'docker-run',
  rules: [dbPortPublished, containerPrivileged, dockerSocketMounted, dbHostNetwork],
  applies(path, text) {
    return isShellScript(path, text) && /\b(docker|podman)\b/.test(text);
  },
  check(path, text) {
    const script = scriptOf(path, text);
    const out: Detection[] = [];
    for (const inv of script.invocations) {
      const run = runOptions(inv);
      if (run) out.push(...checkRun(script, inv, run.options), ...checkHostAccess(script, inv, run));
    }
    return out;
  },
};

interface RunOption {
  flag: Word;
  /** The value word, or undefined when attached (`-p5432:5432`, `--publish=5432:5432`). */
  value?: Word;
  text: string;
}

/** The options of a `run`/`create` and the image they run, or undefined for any other command. */
function runOptions(inv: Invocation): { options: RunOption[]; image?: Word } | undefined {
  if (inv.name !== 'docker' && inv.name !== 'podman') return undefined;
  const words = inv.argv.slice(1);
  let i = words[0]?.value === 'container' ? 1 : 0;
  if (words[i]?.value !== 'run' && words[i]?.value !== 'create') return undefined;
  const out: RunOption[] = [];
  for (i++; i < words.length; i++) {
    const w = words[i];
    const v = w.value;
    if (v === '--' || !v.startsWith('-') || v === '-') {
      // The image: what follows is the container's command.
      const image = v === '--' ? words[i + 1] : w;
      return { options: out, ...(image ? { image } : {}) };
    }
    if (v.startsWith('--')) {
      const eq = v.indexOf('=');
      if (eq > 0) out.push({ flag: w, text: v.slice(eq + 1) });
      else if (LONG_BOOLEAN.has(v)) out.push({ flag: w, text: '' });
      else out.push({ flag: w, value: words[++i], text: words[i]?.value ?? '' });
      continue;
    }
    // A cluster of short flags: booleans until the first one that takes a value.
    for (let k = 1; k < v.length; k++) {
      if (SHORT_BOOLEAN.has(v[k])) continue;
      const attached = v.slice(k + 1);
      if (attached) out.push({ flag: w, text: attached.replace(/^=/, '') });
      else out.push({ flag: w, value: words[++i], text: words[i]?.value ?? '' });
      break;
    }
  }
  return { options: out };
}

function checkRun(script: ShellScript, inv: Invocation, options: RunOption[]): Detection[] {
  const out: Detection[] = [];
  const command = inv.argv.slice(0, 2).map((w) => w.value).join(' ');
  for (const o of options) {
    const flag = o.flag.value;
    if (flag === '--privileged') {
      out.push(containerPrivileged.at(wordSpan(script, o.flag), { message: `\`${command} --privileged\` gives the container every capability and host device.`, key: `${command} --privileged` }));
      continue;
    }
    const isPublish = flag.startsWith('--') ? flag === '--publish' || flag.startsWith('--publish=') : valueLetterOf(flag) === 'p';
    if (!isPublish) continue;
    const spec = parsePortSpec(o.text);
    if (!spec || !bindsPublicly(spec.hostIp)) continue;
    const dbs = databasesIn(spec.containerPort);
    if (!dbs.length) continue;
    const word = o.value ?? o.flag;
    const attachedPrefix = o.flag.value.slice(0, o.flag.value.length - o.text.length);
    const fix = o.value
      ? replaceRaw(script, o.value.start, o.value.end, loopbackSpec(spec))
      : replaceRaw(script, o.flag.start, o.flag.end, attachedPrefix + loopbackSpec(spec));
    out.push(
      dbPortPublished.at(wordSpan(script, word), {
        message: publishedMessage(`\`${command} -p ${o.text}\``, dbs, spec.hostIp),
        key: `${command} -p ${spec.containerPort}`,
        ...(fix ? { fix } : {}),
      }),
    );
  }
  return out;
}

/** In a short-flag cluster, the value-taking letter is the one that ends the booleans. */
function valueLetterOf(flag: string): string | undefined {
  for (let k = 1; k < flag.length; k++) if (!SHORT_BOOLEAN.has(flag[k])) return flag[k];
  return undefined;
}

/**
 * `-v /var/run/docker.sock:…` and `--mount type=bind,source=/var/run/docker.sock,…`, and
 * `--network host` for a database image, judged as compose judges their twins.
 */
function checkHostAccess(script: ShellScript, inv: Invocation, run: { options: RunOption[]; image?: Word }): Detection[] {
  const out: Detection[] = [];
  const command = inv.argv.slice(0, 2).map((w) => w.value).join(' ');
  for (const o of run.options) {
    const flag = beforeFirst(o.flag.value, '=');
    const word = o.value ?? o.flag;
    if (flag === '--volume' || (!flag.startsWith('--') && valueLetterOf(flag) === 'v')) {
      const [source, , mode = ''] = o.text.split(':');
      if (isRootDaemonSocket(source)) out.push(dockerSocketMounted.at(wordSpan(script, word), { message: socketMessage(`\`${command} -v ${o.text}\``, source, mode.split(',').includes('ro')), key: `${command} docker.sock` }));
    } else if (flag === '--mount') {
      const fields = new Map(o.text.split(',').map((f) => [f.split('=')[0], f.slice(f.indexOf('=') + 1)] as const));
      const source = fields.get('source') ?? fields.get('src') ?? '';
      const readOnly = fields.has('readonly') || fields.has('ro');
      if (isRootDaemonSocket(source)) out.push(dockerSocketMounted.at(wordSpan(script, word), { message: socketMessage(`\`${command} --mount ${o.text}\``, source, readOnly), key: `${command} docker.sock` }));
    } else if ((flag === '--network' || flag === '--net') && o.text === 'host') {
      const db = run.image ? databaseOfImage(run.image.value) : undefined;
      const rest = inv.argv.slice(inv.argv.indexOf(run.image as Word) + 1).map((w) => w.value).join(' ');
      if (db && !listensOnLoopbackOnly(rest)) {
        out.push(dbHostNetwork.at(wordSpan(script, word), { message: `\`${command} --network host ${run.image?.value}\` runs ${db[1]} (${db[0]}) on the host's network, so it listens on every interface of the host.`, key: `${command} host network ${db[0]}` }));
      }
    }
  }
  return out;
}
