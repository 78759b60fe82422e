import type { Detection } from '../../model/finding.js';
import { configRule, type ConfigRule } from '../rule.js';
import type { Segment } from './lex.js';
import { isEmbeddedTarget } from '../embedded/targets.js';
import { replaceRaw, spanOf, type ShellScript } from './script.js';

export const scriptPasswordAuth = configRule({
  id: 'script-ssh-password-auth',
  title: 'Script turns SSH password login on',
  severity: 'critical',
  why: 'The hosting images ship with password SSH off; a provisioning script that turns it back on lets anyone on the internet guess their way in.',
  fix: 'Delete the edit, or make it set `PasswordAuthentication no`; log in with an Ed25519 key instead.',
});
export const scriptRootLogin = configRule({
  id: 'script-ssh-root-login',
  title: 'Script allows SSH root login',
  severity: 'high',
  why: 'Root over SSH turns one stolen key or password into full control; the guide logs in as a non-root user.',
  fix: 'Make the edit set `PermitRootLogin no` and log in as your own user.',
});

export const SSHD_EDIT_RULES = [scriptPasswordAuth, scriptRootLogin];

const WEAKENING = /\b(PasswordAuthentication|PermitEmptyPasswords|PermitRootLogin)([ \t]+|[ \t]*=[ \t]*)(yes)\b/gi;

/** The rules an edit is reported under: a script's own, or (for cloud-init's runcmd) the caller's. */
export interface SshdEditRules {
  password: ConfigRule;
  root: ConfigRule;
}

/** `sed` expressions and `echo … >> sshd_config` writes that set a weakening sshd directive. */
export function checkSshdEdits(script: ShellScript, rules: SshdEditRules = { password: scriptPasswordAuth, root: scriptRootLogin }): Detection[] {
  const out: Detection[] = [];
  for (const inv of script.invocations) {
    if (inv.name !== 'sed') continue;
    for (const expr of sedExpressions(inv.argv.slice(1))) {
      for (const part of writtenBySed(expr.value)) out.push(...weakening(script, rules, expr, part.from, part.to, 'a sed edit', part.text));
    }
  }
  for (const w of script.writes) {
    if (!/sshd_config/.test(w.target.value)) continue;
    // A whole file written to sshd's path is read by the sshd check itself (embedded/).
    if (!w.append && isEmbeddedTarget(w.target.value)) continue;
    out.push(...weakening(script, rules, w.content, 0, w.content.value.length, `${w.by.name} writing to ${w.target.value}`));
  }
  return out;
}

function weakening(script: ShellScript, rules: SshdEditRules, seg: Segment, from: number, to: number, how: string, written?: string): Detection[] {
  const out: Detection[] = [];
  const text = seg.value.slice(from, to);
  const direct = [...text.matchAll(WEAKENING)];
  if (!direct.length && written !== undefined) {
    // The keyword came from the pattern through \1 or &: the replacement as a whole is the evidence.
    for (const m of written.matchAll(WEAKENING)) {
      const rule = /^PermitRootLogin$/i.test(m[1]) ? rules.root : rules.password;
      out.push(rule.at(spanOf(script, seg, from, Math.max(from + 1, to)), { message: `${how} writes \`${m[1]} yes\` into sshd's configuration.`, key: `${m[1].toLowerCase()} yes` }));
    }
    return out;
  }
  for (const m of direct) {
    const keyword = m[1];
    const at = from + m.index;
    const yesAt = at + m[1].length + m[2].length;
    const rule = /^PermitRootLogin$/i.test(keyword) ? rules.root : rules.password;
    const yesStart = seg.offsets[yesAt];
    // Only suggest the edit when `yes` sits in the file as written (not split by quotes).
    const contiguous = seg.offsets[yesAt + 2] === yesStart + 2;
    out.push(
      rule.at(spanOf(script, seg, at, yesAt + 3), {
        message: `${how} sets \`${keyword} yes\` in sshd's configuration.`,
        key: `${keyword.toLowerCase()} yes`,
        ...(contiguous ? { fix: replaceRaw(script, yesStart, yesStart + 3, 'no') } : {}),
      }),
    );
  }
  return out;
}

/** The sed scripts of an invocation: `-e X`, `--expression=X`, or else the first operand. */
function sedExpressions(args: Segment[]): Segment[] {
  const out: Segment[] = [];
  let firstOperand: Segment | undefined;
  for (let i = 0; i < args.length; i++) {
    const v = args[i].value;
    if (v === '-e' || v === '--expression') {
      if (args[i + 1]) out.push(args[++i]);
    } else if (v.startsWith('--expression=')) out.push(slice(args[i], '--expression='.length));
    else if (/^-[A-Za-z]*e$/.test(v) && !v.startsWith('--')) {
      if (args[i + 1]) out.push(args[++i]);
    } else if (v === '-f' || v === '--file') i++;
    else if (!v.startsWith('-') && !firstOperand) firstOperand = args[i];
  }
  if (!out.length && firstOperand) out.push(firstOperand);
  return out;
}

function slice(seg: Segment, from: number): Segment {
  return { value: seg.value.slice(from), offsets: seg.offsets.slice(from) };
}

/**
 * The parts of a sed script that end up in the file: the replacement of `s/…/…/` (with `\1` and
 * `&` filled in from the pattern, roughly) and the text of `a`, `i` and `c` commands.
 * Patterns and addresses are what sed looks for, not what it writes, so they are left out.
 */
export function writtenBySed(script: string): { from: number; to: number; text: string }[] {
  const out: { from: number; to: number; text: string }[] = [];
  let i = 0;
  const n = script.length;
  const readDelimited = (delim: string): string => {
    let s = '';
    while (i < n && script[i] !== delim) {
      if (script[i] === '\\' && i + 1 < n) s += script[i++];
      s += script[i++];
    }
    i++;
    return s;
  };
  while (i < n) {
    while (i < n && /[\s;{}!]/.test(script[i])) i++;
    // Addresses: line numbers, $, /regex/, and ranges of them.
    for (let more = true; more && i < n; ) {
      more = false;
      if (/[\d$]/.test(script[i])) {
        while (i < n && /[\d$~+]/.test(script[i])) i++;
        more = true;
      } else if (script[i] === '/') {
        i++;
        readDelimited('/');
        more = true;
      }
      if (script[i] === ',') {
        i++;
        more = true;
      }
      while (i < n && /[\s!]/.test(script[i])) i++;
    }
    const cmd = script[i++];
    if (cmd === 's' && i < n) {
      const delim = script[i++];
      const pattern = readDelimited(delim);
      const from = i;
      const replacement = readDelimited(delim);
      const groups = [...pattern.matchAll(/\\?\(([^()]*?)\\?\)/g)].map((g) => g[1]);
      const filled = replacement.replace(/\\(\d)/g, (_, d: string) => groups[Number(d) - 1] ?? '').replace(/&/g, pattern);
      // Report at the replacement; when \1 or & supplied the keyword, the whole replacement is the evidence.
      out.push({ from, to: from + replacement.length, text: filled });
      while (i < n && !/[;\n}]/.test(script[i])) i++;
    } else if (cmd === 'a' || cmd === 'i' || cmd === 'c') {
      while (i < n && /[\\\s]/.test(script[i]) && script[i] !== '\n') i++;
      if (script[i] === '\n') i++;
      const from = i;
      while (i < n && script[i] !== '\n') i++;
      out.push({ from, to: i, text: script.slice(from, i) });
    } else {
      while (i < n && !/[;\n]/.test(script[i])) i++;
    }
  }
  return out;
}
