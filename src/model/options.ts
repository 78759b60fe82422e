/**
 * Options every entry point shares, each defined once: its values, its default. The CLI, the
 * action's inputs and `.moltguard.yml` validate against these lists.
 */

export const MODES = ['tree', 'diff', 'history', 'staged'] as const;
export type Mode = (typeof MODES)[number];

/** The lowest severity that fails a scan; `info` never does, `none` turns the gate off. */
export const FAIL_ON_VALUES = ['critical', 'high', 'medium', 'low', 'none'] as const;
export type FailOn = (typeof FAIL_ON_VALUES)[number];
/** Applies when neither the command line, the action input nor the config sets fail-on. */
export const DEFAULT_FAIL_ON: FailOn = 'high';

/** The first fail-on that is set, in order of precedence (flag or input, then config), else the default. */
export function effectiveFailOn(...settings: (FailOn | undefined)[]): FailOn {
  return settings.find((s) => s !== undefined) ?? DEFAULT_FAIL_ON;
}

/** Files larger than this are skipped and listed, unless the config's `max-file-size` says otherwise. */
export const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;
