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
 * | git's commit list (commit-log.ts) | `chunkCommits` first-parent commits per `git rev-list` process | the next chunk's process lists the older commits (one process when a subfolder is scanned) |
 * | git's pack windows and delta bases (commit-log.ts) | 96 MiB mapped, 32 MiB of bases, per process | git unmaps a window, re-inflates a base |
 * | pending reads (walk.ts) | 64 blobs asked ahead of the scan | the walk waits for the scan |
 * | path keys (walk.ts) | one per distinct path context: a handful, fixed by the detectors | – |
 *
 * Not bounded, because they are the report: the oldest finding of each distinct leak
 * (pipeline/history.ts) and the list of skipped blobs. One `git rev-list --reverse` over a
 * million commits kept 216 MiB of commit objects (383 MiB of RSS with the pack index it maps);
 * in chunks each process keeps one chunk's worth.
 */
export interface HistoryBudgets {
  seenSlots: number;
  cacheLines: number;
  cacheVersions: number;
  segmentCommits: number;
  chunkCommits: number;
}
