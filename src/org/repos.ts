import type { OrgClient } from './client.js';

/** What the matrix needs of a repository; the rest of GitHub's answer is dropped at once. */
export interface OrgRepo {
  fullName: string;
  defaultBranch: string;
  archived: boolean;
  fork: boolean;
  /** GitHub's size in KB; 0 is a repository with no commits, which has no history to scan. */
  sizeKb: number;
}

export interface ListFilter {
  includeArchived: boolean;
  includeForks: boolean;
}

export interface Listing {
  repos: OrgRepo[];
  /** Why each left-out repository was left out, for one line on stderr each. */
  skipped: { fullName: string; why: string }[];
  /** "organization" or "user": a personal account is listed by the users endpoint. */
  owner: 'organization' | 'user';
}

type RawRepo = { full_name: string; default_branch?: string; archived?: boolean; disabled?: boolean; fork?: boolean; size?: number };

/**
 * Every repository of an organisation (or, when no organisation has that name, of a user),
 * 100 per page, every page. Archived repositories are read-only, so code scanning refuses their
 * SARIF; forks mostly repeat their parent's history; both are left out unless asked for.
 */
export async function listRepos(client: OrgClient, owner: string, filter: ListFilter): Promise<Listing> {
  let raw: RawRepo[];
  let kind: Listing['owner'] = 'organization';
  try {
    raw = await client.paginate('GET /orgs/{org}/repos', { org: owner, type: 'all', per_page: 100 });
  } catch (e) {
    if ((e as { status?: number }).status !== 404) throw e;
    kind = 'user';
    raw = await client.paginate('GET /users/{username}/repos', { username: owner, type: 'owner', per_page: 100 });
  }
  const repos: OrgRepo[] = [];
  const skipped: Listing['skipped'] = [];
  const seen = new Set<string>();
  for (const r of raw) {
    // Pages can shift while they are read (a repository created mid-listing): one entry each.
    if (seen.has(r.full_name)) continue;
    seen.add(r.full_name);
    const why = r.disabled
      ? 'disabled'
      : r.archived && !filter.includeArchived
        ? 'archived (--include-archived to scan it; its SARIF cannot be uploaded)'
        : r.fork && !filter.includeForks
          ? 'a fork (--include-forks to scan it)'
          : !r.size
            ? 'empty (no commits)'
            : undefined;
    if (why) skipped.push({ fullName: r.full_name, why });
    else repos.push({ fullName: r.full_name, defaultBranch: r.default_branch ?? 'main', archived: !!r.archived, fork: !!r.fork, sizeKb: r.size ?? 0 });
  }
  repos.sort((a, b) => a.fullName.localeCompare(b.fullName));
  skipped.sort((a, b) => a.fullName.localeCompare(b.fullName));
  return { repos, skipped, owner: kind };
}

/** GitHub runs at most this many jobs from one matrix. */
export const GITHUB_MATRIX_LIMIT = 256;

export interface MatrixEntry {
  /** The job's name in the run's list: the repository, or the first and the count of a group. */
  name: string;
  /** Space-separated owner/name list the job scans one after the other. */
  repositories: string;
}

/**
 * A matrix of at most `maxJobs` entries. Up to that many repositories get a job each; beyond it
 * they are dealt out in turn, largest first, so no job gets all the big ones and every
 * repository is in exactly one job.
 */
export function toMatrix(repos: readonly OrgRepo[], maxJobs: number): { include: MatrixEntry[] } {
  const jobs = Math.max(1, Math.min(maxJobs, GITHUB_MATRIX_LIMIT, repos.length));
  if (!repos.length) return { include: [] };
  const groups: OrgRepo[][] = Array.from({ length: jobs }, () => []);
  const bySize = [...repos].sort((a, b) => b.sizeKb - a.sizeKb || a.fullName.localeCompare(b.fullName));
  bySize.forEach((r, i) => groups[i % jobs].push(r));
  return {
    include: groups.map((g) => {
      const names = g.map((r) => r.fullName).sort((a, b) => a.localeCompare(b));
      return { name: names.length === 1 ? names[0] : `${names[0]} and ${names.length - 1} more`, repositories: names.join(' ') };
    }),
  };
}
