import { lastEntry } from './merge.js';
import { parseBoolean, type UnitEntry } from './parse.js';

/**
 * A small slice of `systemd-analyze security`: the sandboxing directives a committed unit for
 * a non-root agent can set without knowing anything about the program, with the weights and
 * ranges systemd's analyzer gives them (src/analyze/analyze-security.c). The exposure is
 * computed the same way, sum(weight x badness) / sum(weight x range), on a 0-10 scale, but over
 * these directives only, so it is an estimate, not the analyzer's number.
 */
interface Directive {
  key: string;
  /** What to write when it is missing (the guide's minimum set first). */
  want: string;
  weight: number;
  range: number;
  /** Badness 0..range for the effective value (undefined when unset). */
  badness(value: string | undefined): number;
  /** One of the three the guide's minimum asks for: a missing one is reported by name. */
  required: boolean;
}

const bool = (value: string | undefined) => (value !== undefined && parseBoolean(value) === true ? 0 : 1);

const DIRECTIVES: readonly Directive[] = [
  { key: 'NoNewPrivileges', want: 'NoNewPrivileges=yes', weight: 1000, range: 1, badness: bool, required: true },
  {
    key: 'ProtectSystem',
    want: 'ProtectSystem=strict',
    weight: 1000,
    range: 10,
    // strict makes the whole tree read-only; full and yes leave /etc or /var writable.
    badness: (v) => ({ strict: 0, full: 3, yes: 5, true: 5, on: 5, '1': 5 })[(v ?? '').trim().toLowerCase()] ?? 10,
    required: true,
  },
  { key: 'PrivateTmp', want: 'PrivateTmp=yes', weight: 1000, range: 1, badness: bool, required: true },
  {
    key: 'ProtectHome',
    want: 'ProtectHome=yes',
    weight: 1000,
    range: 10,
    badness: (v) => ({ yes: 0, true: 0, on: 0, '1': 0, tmpfs: 1, 'read-only': 3 })[(v ?? '').trim().toLowerCase()] ?? 10,
    required: false,
  },
  { key: 'PrivateDevices', want: 'PrivateDevices=yes', weight: 1000, range: 1, badness: bool, required: false },
  { key: 'ProtectKernelTunables', want: 'ProtectKernelTunables=yes', weight: 1000, range: 1, badness: bool, required: false },
  { key: 'ProtectKernelModules', want: 'ProtectKernelModules=yes', weight: 1000, range: 1, badness: bool, required: false },
  { key: 'ProtectControlGroups', want: 'ProtectControlGroups=yes', weight: 1000, range: 1, badness: bool, required: false },
  { key: 'RestrictSUIDSGID', want: 'RestrictSUIDSGID=yes', weight: 1000, range: 1, badness: bool, required: false },
];

export interface HardeningGap {
  /** The guide's minimum directives that are missing or too weak, as `Key=value` to add. */
  missing: string[];
  /** Of `missing`, those set to a weaker (or empty) value somewhere, so adding a line is not the fix. */
  weakened: UnitEntry[];
  /** 0 (all set) to 10 (none set), like systemd-analyze's overall exposure. */
  exposure: number;
  /** systemd-analyze's word for that exposure. */
  rating: string;
}

// systemd-analyze's bands: the first whose lower bound the exposure reaches.
const RATINGS: ReadonlyArray<[number, string]> = [
  [10, 'DANGEROUS'],
  [9, 'UNSAFE'],
  [7.5, 'EXPOSED'],
  [5, 'MEDIUM'],
  [1, 'OK'],
  [0.1, 'SAFE'],
  [0, 'PERFECT'],
];

export function assessHardening(entries: readonly UnitEntry[]): HardeningGap {
  let bad = 0;
  let max = 0;
  const missing: string[] = [];
  const weakened: UnitEntry[] = [];
  for (const d of DIRECTIVES) {
    const entry = lastEntry(entries, 'Service', d.key);
    const value = entry && entry.value.trim() !== '' ? entry.value : undefined;
    const badness = d.badness(value);
    bad += d.weight * badness;
    max += d.weight * d.range;
    // The guide's minimum: any ProtectSystem= counts, the other two must be on.
    const lacking = d.key === 'ProtectSystem' ? value === undefined || badness === d.range : badness > 0;
    if (d.required && lacking) {
      missing.push(d.want);
      if (entry) weakened.push(entry);
    }
  }
  const exposure = Math.round((bad / max) * 100) / 10;
  const rating = RATINGS.find(([min]) => exposure >= min)?.[1] ?? 'PERFECT';
  return { missing, weakened, exposure, rating };
}
