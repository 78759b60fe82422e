import type { Severity } from '../../model/finding.js';
import type { ConfigRule } from '../rule.js';
import type { Place } from './json5.js';

/**
 * One judgement over the merged config, before it becomes a Detection of the file it sits in
 * (after `$include`, the place may be in a fragment rather than the top-level file).
 */
export interface Found {
  rule: ConfigRule;
  at: Place;
  message: string;
  /** What identifies the mistake independent of its line, for fingerprints. */
  key: string;
  severity?: Severity;
  /** A fix in this file's own terms, where the rule's general one would mislead. */
  remediation?: string;
  /** A literal secret the finding is about: redacted in every output, fingerprinted by value. */
  secret?: string;
  related?: { at: Place; message: string }[];
}
