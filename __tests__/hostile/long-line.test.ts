import { CONFIG_CHECKS } from '../../src/configs/index.js';
import { loadBuiltinRules } from '../../src/secrets/builtin.js';
import { SecretEngine } from '../../src/secrets/engine.js';
import { detectUnit } from '../../src/pipeline/detect.js';

/**
 * One line holding thousands of findings (the JWT header repeated: 21,333 findings in 1.3 MB)
 * must cost per character and per finding, never per (finding x line length): each finding
 * looked for an ignore marker in its whole line, and each took its line's text with a regex.
 * The work counted is the characters that searches from the start of a string are run over
 * (`indexOf`, `includes`, `replace`, and `test`/`exec` of regexes that are neither global nor
 * sticky: those go on from `lastIndex`); grown 4x, the line must cost about 4x, not 16x. Timing
 * is not asserted: the machine is shared.
 */
const detectors = { secrets: new SecretEngine(loadBuiltinRules().rules), configs: CONFIG_CHECKS };
const ctx = { read: () => undefined, paths: () => ['notes.txt'] };

function searched(text: string): { chars: number; findings: number } {
  const str = String.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
  const re = RegExp.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
  const saved = { indexOf: str.indexOf, includes: str.includes, replace: str.replace, test: re.test, exec: re.exec };
  let chars = 0;
  const count = (target: Record<string, (...a: unknown[]) => unknown>, name: keyof typeof saved, subject: (self: unknown, args: unknown[]) => unknown) => {
    const original = saved[name];
    target[name] = function (this: unknown, ...args: unknown[]) {
      const s = subject(this, args);
      const resumes = this instanceof RegExp && (this.global || this.sticky);
      if (typeof s === 'string' && !resumes) chars += s.length;
      return original.apply(this, args);
    };
  };
  count(str, 'indexOf', (self) => self);
  count(str, 'includes', (self) => self);
  count(str, 'replace', (self) => self);
  count(re, 'test', (_, args) => args[0]);
  count(re, 'exec', (_, args) => args[0]);
  try {
    const { findings } = detectUnit({ path: 'notes.txt', text, wholeFile: true }, detectors, ctx);
    return { chars, findings: findings.length };
  } finally {
    Object.assign(str, { indexOf: saved.indexOf, includes: saved.includes, replace: saved.replace });
    Object.assign(re, { test: saved.test, exec: saved.exec });
  }
}

test('a line of thousands of findings, with an ignore marker on it, costs per finding, not findings x length', () => {
  const line = (n: number) => `${'eyJhbGciOiJIUzI1NiJ9.'.repeat(n)} # moltguard:ignore other-rule -- not these\n`;
  const small = searched(line(600));
  const large = searched(line(2400));
  expect(small.findings).toBeGreaterThan(100);
  expect(large.findings).toBeGreaterThan(4 * small.findings * 0.9);
  expect(large.chars / small.chars).toBeLessThan(8);
});
