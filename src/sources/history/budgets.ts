/**
 * Every table of a history scan that could grow with the history, with its fixed budget and
 * what happens when it is full. None of them changes the report: a table that forgets only
 * makes the scan read or scan something again. A test runs a history with every budget at a
 * few entries and compares the findings with the defaults'.
 *
 * | table | budget | when full |
 * | --- | --- | --- |
 * | seen blobs (seen-blobs.ts) | `seenSlots` slots of 22 bytes, preallocated | emptied at 3/4: a copy seen again is scanned again, and the oldest-wins collection keeps the older finding |
 * | line hashes (line-cache.ts) | `cacheLines` lines (8 bytes each) and `cacheVersions` versions | the oldest version goes: the next change of its file reads the old side from git again |
 * | git's object table (commit-log.ts) | `segmentCommits` commits per `git diff-tree` process | a fresh process takes over, empty |
 * | git's pack windows and delta bases (commit-log.ts) | 96 MiB mapped, 32 MiB of bases, per process | git unmaps a window, re-inflates a base |
 * | pending reads (walk.ts) | 64 blobs asked ahead of the scan | the walk waits for the scan |
 * | path keys (walk.ts) | one per distinct path context: a handful, fixed by the detectors | – |
 *
 * Not bounded, because they are the report: the oldest finding of each distinct leak
 * (pipeline/history.ts) and the list of skipped blobs. Not bounded yet: `git rev-list
 * --reverse`, which keeps an object for each commit (216 MiB at a million commits, plus the
 * pack index it maps: 383 MiB of RSS; 224 MiB when the clone has a commit-graph).
 */
export interface HistoryBudgets {
  seenSlots: number;
  cacheLines: number;
  cacheVersions: number;
  segmentCommits: number;
}
