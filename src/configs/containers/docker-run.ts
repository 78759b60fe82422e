import type { Detection } from '../../model/finding.js';
import type { ConfigCheck } from '../rule.js';
import { isShellScript, scriptOf } from '../shell/check.js';
import type { Word } from '../shell/lex.js';
import { replaceRaw, wordSpan, type Invocation, type ShellScript } from '../shell/script.js';
import { bindsPublicly, databasesIn, loopbackSpec, parsePortSpec, publishedMessage } from './port-spec.js';
import { containerPrivileged, dbPortPublished } from './rules.js';

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
  rules: [dbPortPublished, containerPrivileged],
  applies(path, text) {
    return isShellScript(path, text) && /\b(docker|podman)\b/.test(text);
  },
  check(path, text) {
    const script = scriptOf(path, text);
    const out: Detection[] = [];
    for (const inv of script.invocations) {
      const options = runOptions(inv);
      if (options) out.push(...checkRun(script, inv, options));
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

/** The options of a `run`/`create`, or undefined for any other command. */
function runOptions(inv: Invocation): RunOption[] | undefined {
  if (inv.name !== 'docker' && inv.name !== 'podman') return undefined;
  const words = inv.argv.slice(1);
  let i = words[0]?.value === 'container' ? 1 : 0;
  if (words[i]?.value !== 'run' && words[i]?.value !== 'create') return undefined;
  const out: RunOption[] = [];
  for (i++; i < words.length; i++) {
    const w = words[i];
    const v = w.value;
    if (v === '--' || !v.startsWith('-') || v === '-') break; // the image: what follows is the container's command
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
  return out;
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
    const isPublish = flag.startsWith('--') ? flag === '--publish' || flag.startsWith('--publish=') : flagLetterIsP(flag);
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
function flagLetterIsP(flag: string): boolean {
  for (let k = 1; k < flag.length; k++) if (!SHORT_BOOLEAN.has(flag[k])) return flag[k] === 'p';
  return false;
}
