import type { Detection, Fix, Location, Severity } from '../model/finding.js';

/** Read access to the other files of the same scan (the head version), for Include and drop-ins. */
export interface ConfigContext {
  read(path: string): string | undefined;
  /** Every path in the scan, relative to the root, forward slashes. */
  paths(): readonly string[];
}

/** A config check: a cheap path/content test, then a parse with the real program's semantics. */
export interface ConfigCheck {
  name: string;
  /** Rules this check can report, for `moltguard rules`, SARIF and the README. */
  rules: readonly ConfigRule[];
  /**
   * Binary files this check judges by their name alone (tested on the base name): sources hand
   * them over with empty text instead of skipping them as binary.
   */
  binaryNames?: RegExp;
  applies(path: string, text: string): boolean;
  /**
   * Whether the file's name or content says it really is this check's format, so its parse
   * problems are worth a finding; absent means always. A file picked up by a loose content
   * test that then fails to parse is most likely something else.
   */
  claims?(path: string, text: string): boolean;
  check(path: string, text: string, ctx: ConfigContext): Detection[];
}

/** What a config rule is, independent of where it fires. */
export interface ConfigRuleSpec {
  id: string;
  title: string;
  severity: Severity;
  /** Why it matters, in the guide's terms. */
  why: string;
  /** How to fix it: the directive to set or the command to run. */
  fix: string;
}

export interface Span {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

export interface ReportOptions {
  /** What exactly is wrong here (names the effective value and where it came from). */
  message: string;
  severity?: Severity;
  /** Identifies the mistake independent of its line, for fingerprints. */
  key: string;
  related?: Location[];
  fix?: Fix;
  remediation?: string;
  /** Values to hide in every output of this finding (a password the line holds). */
  mask?: string[];
}

export interface ConfigRule extends ConfigRuleSpec {
  at(span: Span, opts: ReportOptions): Detection;
}

export function configRule(spec: ConfigRuleSpec): ConfigRule {
  return {
    ...spec,
    at(span, opts) {
      return {
        ruleId: spec.id,
        category: 'config',
        severity: opts.severity ?? spec.severity,
        line: span.line,
        column: span.column,
        endLine: span.endLine ?? span.line,
        endColumn: span.endColumn ?? span.column,
        message: `${opts.message} ${spec.why}`,
        remediation: opts.remediation ?? spec.fix,
        fingerprintKey: opts.key,
        ...(opts.related?.length ? { related: opts.related } : {}),
        ...(opts.fix ? { fix: opts.fix } : {}),
        ...(opts.mask?.length ? { mask: opts.mask } : {}),
      };
    },
  };
}

/** The last path segment, for matching files by name. */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
