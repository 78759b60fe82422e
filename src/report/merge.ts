import { z } from 'zod';
import { UsageError } from '../model/errors.js';

/**
 * Many repositories' JSON reports gathered into one summary: the last step of an organisation's
 * matrix of history scans (docs/organisations.md). A report names what it scanned but not the
 * repository, so each file is named for its repository: `owner__name.json` is `owner/name`.
 */
const reportSchema = z.object({
  mode: z.string(),
  blocking: z.number(),
  findings: z.array(z.object({ ruleId: z.string(), severity: z.string() })),
  stats: z.object({ commits: z.number().optional() }).passthrough(),
});

export interface RepoSummary {
  repo: string;
  findings: number;
  blocking: number;
  commits?: number;
  /** Findings per rule, most first (ties by rule id). */
  rules: [string, number][];
}

/** The repository a report file stands for: its name without `.json`, `__` for the slash. */
export function repoOfFile(file: string): string {
  return (file.split('/').pop() ?? file).replace(/\.json$/, '').replace('__', '/');
}

/** Checks one report's text; a bad one is a usage error naming its file. */
export function summarize(file: string, text: string): RepoSummary {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${file}: not JSON (${(e as Error).message.split('\n')[0]})`);
  }
  const parsed = reportSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(`${file}: not a moltguard JSON report (${issue.path.join('.') || 'top level'}: ${issue.message})`);
  }
  const counts = new Map<string, number>();
  for (const f of parsed.data.findings) counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
  const rules = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return { repo: repoOfFile(file), findings: parsed.data.findings.length, blocking: parsed.data.blocking, commits: parsed.data.stats.commits, rules };
}

/** A job summary in Markdown: one row per repository (most blocking first), then counts per rule over all of them. */
export function mergedMarkdown(repos: RepoSummary[], serverUrl = 'https://github.com'): string {
  const sorted = [...repos].sort((a, b) => b.blocking - a.blocking || b.findings - a.findings || (a.repo < b.repo ? -1 : 1));
  const total = new Map<string, number>();
  for (const r of repos) for (const [rule, n] of r.rules) total.set(rule, (total.get(rule) ?? 0) + n);
  const lines = [
    `## moltguard: ${repos.length} repositories, ${repos.reduce((n, r) => n + r.findings, 0)} findings, ${repos.reduce((n, r) => n + r.blocking, 0)} blocking`,
    '',
    '| repository | findings | blocking | commits | rules |',
    '| --- | ---: | ---: | ---: | --- |',
    ...sorted.map((r) => `| [${r.repo}](${serverUrl}/${r.repo}/security/code-scanning?query=tool%3Amoltguard) | ${r.findings} | ${r.blocking} | ${r.commits ?? '–'} | ${r.rules.map(([rule, n]) => `${rule} ${n}`).join(', ') || '–'} |`),
    '',
    '| rule | findings |',
    '| --- | ---: |',
    ...[...total].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([rule, n]) => `| ${rule} | ${n} |`),
  ];
  return `${lines.join('\n')}\n`;
}
