import type { Detection } from '../../model/finding.js';
import { configRule } from '../rule.js';
import { isEnvFileName, isEnvTemplate } from '../dotenv/check.js';
import type { Word } from './lex.js';
import { baseNameOf, operands, replaceRaw, wordSpan, type Invocation, type ShellScript } from './script.js';

export const envFileMode = configRule({
  id: 'script-env-file-mode',
  title: 'Script makes the env file readable by other users',
  severity: 'medium',
  why: 'The env file holds every secret the agent has; the guide keeps it at mode 600, owned by the service user, so no other account or process on the VM can read it.',
  fix: 'Use `chmod 600` (and `chown agent:agent`) for the env file, or `install -m 600 -o agent -g agent`.',
});

/** `.env`, `.env.production`, `app.env`, by the same names the dotenv check reads; templates hold no secrets. */
export function isEnvFilePath(path: string): boolean {
  const clean = path.replace(/["']/g, '');
  return isEnvFileName(clean) && !isEnvTemplate(clean);
}

/** Whether a chmod/install mode lets users other than the owner's group read or write. */
export function grantsOthers(mode: string): boolean | undefined {
  if (/^[0-7]{3,4}$/.test(mode)) return (Number.parseInt(mode, 8) & 0o007) !== 0;
  let others = false;
  for (const clause of mode.split(',')) {
    const m = /^([ugoa]*)([-+=])([rwxXst]*|[ugo])$/.exec(clause);
    if (!m) return undefined;
    const [, who, op, perms] = m;
    // No `who` means everyone (minus the umask); `=` with no perms, or `-`, takes rights away.
    const touchesOthers = who === '' || who.includes('o') || who.includes('a');
    if (!touchesOthers) continue;
    if (op === '-') others = false;
    else others = /[rwx]/.test(perms);
  }
  return others;
}

export function checkEnvFileModes(script: ShellScript): Detection[] {
  const out: Detection[] = [];
  for (const inv of script.invocations) {
    if (inv.name === 'chmod') out.push(...chmodFindings(script, inv));
    else if (inv.name === 'install') out.push(...installFindings(script, inv));
  }
  return out;
}

function chmodFindings(script: ShellScript, inv: Invocation): Detection[] {
  const [mode, ...files] = inv.argv.slice(1).filter((w) => !/^-[RvcfH]+$|^--/.test(w.value));
  if (!mode || !grantsOthers(mode.value)) return [];
  return files.filter((f) => isEnvFilePath(f.value)).map((f) =>
    envFileMode.at(wordSpan(script, mode), {
      message: `\`chmod ${mode.value} ${f.value}\` lets every user on the VM read the env file.`,
      key: `chmod ${mode.value} ${baseNameOf(f.value)}`,
      ...(mode.quoted ? {} : { fix: replaceRaw(script, mode.start, mode.end, '600') }),
    }),
  );
}

/** `install [-m MODE] SRC… DEST`: without -m the file lands with mode 0755. */
function installFindings(script: ShellScript, inv: Invocation): Detection[] {
  const args = inv.argv.slice(1);
  let mode: { value: string; word: Word; prefix: string } | undefined;
  for (let i = 0; i < args.length; i++) {
    const v = args[i].value;
    if ((v === '-m' || v === '--mode') && args[i + 1]) mode = { value: args[i + 1].value, word: args[i + 1], prefix: '' };
    else if (/^-m./.test(v)) mode = { value: v.slice(2), word: args[i], prefix: '-m' };
    else if (v.startsWith('--mode=')) mode = { value: v.slice(7), word: args[i], prefix: '--mode=' };
  }
  if (args.some((w) => w.value === '-d' || w.value === '--directory')) return [];
  const modeWord = mode?.word;
  const files = operands(inv).filter((w) => w !== modeWord && isEnvFilePath(w.value));
  if (!files.length) return [];
  const target = files.at(-1)!;
  if (!mode) {
    return [
      envFileMode.at(wordSpan(script, inv.argv[0]), {
        message: `\`install ${target.value}\` without -m gives the env file mode 0755: readable by every user on the VM.`,
        key: `install 0755 ${baseNameOf(target.value)}`,
        fix: replaceRaw(script, inv.argv[0].end, inv.argv[0].end, ' -m 600'),
      }),
    ];
  }
  if (!grantsOthers(mode.value)) return [];
  return [
    envFileMode.at(wordSpan(script, mode.word), {
      message: `\`install -m ${mode.value} … ${target.value}\` lets every user on the VM read the env file.`,
      key: `install ${mode.value} ${baseNameOf(target.value)}`,
      ...(mode.word.quoted ? {} : { fix: replaceRaw(script, mode.word.start, mode.word.end, `${mode.prefix}600`) }),
    }),
  ];
}
