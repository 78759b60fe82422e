import type { Finding } from './finding.js';
import type { FailOn, Mode } from './options.js';
import type { RuleInfo } from './rule-info.js';
import type { SourceStats } from './unit.js';

/** Everything a scan needs; the CLI and the action each build one from their own inputs. */
export interface ScanOptions {
  /** The folder to scan; finding paths are relative to it. */
  path: string;
  mode: Mode;
  base?: string;
  head?: string;
  /** Explicit config file; otherwise `.moltguard.yml` at the root is used when present. */
  configFile?: string;
  baselineFile?: string;
  /** Overrides the config's fail-on. */
  failOn?: FailOn;
  /** YYYY-MM-DD, for allow entries that expire. */
  today: string;
  /**
   * Diff mode only: look for secrets in every line added by every commit of base..head, not
   * just the net diff. A key added in one commit and deleted in the next is still published
   * by the merge. Config findings stay judged on the head's final state.
   */
  secretsInEveryCommit?: boolean;
  /**
   * Worker threads for tree scans (default: every core when running from the bundle); for
   * history, how many `git cat-file` readers run at once (default: one per two cores).
   */
  workers?: number;
  /** Tree mode in git: scan the files git ignores too (otherwise they are counted and named). */
  includeIgnored?: boolean;
}

export interface Report {
  findings: Finding[];
  suppressed: Suppressed[];
  /** Things the user should know that are not findings (stale allow entries, baseline drift). */
  notices: string[];
  stats: SourceStats & { durationMs: number };
  scanned: string;
  /** The commits scanned, for diff and history modes. */
  range?: { base?: string; head: string };
  mode: Mode;
  failOn: FailOn;
  /** Findings at or above fail-on: the gate's verdict. */
  blocking: number;
  rules: RuleInfo[];
}

export interface ScanResult {
  findings: Finding[];
  /** Findings silenced by an inline `moltguard:ignore`, counted and listed, never lost. */
  suppressed: Suppressed[];
  stats: SourceStats & { durationMs: number };
  /** What was scanned, in words ("diff abc..def (3 changed files)"). */
  scanned: string;
  range?: { base?: string; head: string };
}

export interface Suppressed {
  finding: Finding;
  /** How: `inline (line 12): reason`, `allow entry 2: reason`, `baseline`. */
  by: string;
}

