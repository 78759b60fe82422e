import { createContext, Script } from 'node:vm';

/**
 * Runs a user-written regex where it cannot hang the scan. JavaScript regexes cannot be
 * interrupted in-thread, but V8 stops a regex at a vm timeout, so each search of a custom
 * rule runs in a small vm context with a deadline. Built-in rules are checked for
 * backtracking by the test suite and run unguarded on the hot path.
 */
export class RegexGuard {
  private readonly context = createContext({ re: null as RegExp | null, text: '', out: null as unknown });
  private static readonly script = new Script('out = []; { let m; re.lastIndex = 0; while ((m = re.exec(text)) !== null) { out.push({ index: m.index, groups: [...m], named: m.groups }); if (m[0].length === 0) re.lastIndex++; } }');
  private spentMs = 0;
  /** Set when the rule blew its budget; the rule is skipped for the rest of the run. */
  disabledReason: string | undefined;

  private readonly re: RegExp;

  constructor(
    re: RegExp,
    private readonly perCallMs = 250,
    private readonly totalMs = 5000,
  ) {
    // The search loop needs a global regex; a test-only one (a name or value pattern) gets the flag here.
    this.re = re.global ? re : new RegExp(re.source, `${re.flags}g`);
  }

  /** Whether `text` matches; false once the rule is disabled (so its findings are not dropped silently: see disabledReason). */
  test(text: string, where: string): boolean {
    return (this.matchAll(text, where)?.length ?? 0) > 0;
  }

  /** All matches in `text`, or undefined when the deadline hit (and the rule is now disabled). */
  matchAll(text: string, where: string): { index: number; groups: (string | undefined)[]; named?: Record<string, string> }[] | undefined {
    if (this.disabledReason) return undefined;
    this.context.re = this.re;
    this.context.text = text;
    const started = performance.now();
    try {
      RegexGuard.script.runInContext(this.context, { timeout: this.perCallMs });
    } catch {
      this.disabledReason = `took over ${this.perCallMs} ms on ${where}`;
      return undefined;
    } finally {
      this.spentMs += performance.now() - started;
      this.context.text = '';
    }
    if (this.spentMs > this.totalMs) this.disabledReason = `used more than its ${this.totalMs} ms budget (last on ${where})`;
    return this.context.out as { index: number; groups: (string | undefined)[]; named?: Record<string, string> }[];
  }
}

/**
 * Nested unbounded quantifiers (`(a+)+`, `(\w*)*`, `(a|a)*`-like shapes) are the classic
 * cause of catastrophic backtracking. A cheap structural look, not a proof: the runtime
 * guard covers what it misses.
 */
export function backtrackingRisk(source: string): string | undefined {
  const stack: { quantified: boolean }[] = [];
  let escaped = false;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (escaped) {
      escaped = false;
      continue;
    }
    if (c === '\\') {
      escaped = true;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') stack.push({ quantified: false });
    else if (c === ')') {
      const group = stack.pop();
      const next = source[i + 1];
      const unbounded = next === '*' || next === '+' || (next === '{' && /^\{\d+,\}/.test(source.slice(i + 1)));
      if (group?.quantified && unbounded) return 'a quantified group repeats another unbounded quantifier (nested repetition)';
      if (unbounded && stack.length) stack[stack.length - 1].quantified = true;
      if (group?.quantified && stack.length) stack[stack.length - 1].quantified = true;
    } else if ((c === '*' || c === '+') && stack.length) stack[stack.length - 1].quantified = true;
  }
  return undefined;
}
