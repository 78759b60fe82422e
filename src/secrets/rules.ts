import { z } from 'zod';
import { SEVERITIES } from '../model/finding.js';
import { VALIDATORS } from './validators.js';
import { quoteName } from '../model/user-text.js';
import { FAMILIES } from './literals/family.js';
import { CREDENTIAL_FILE_KINDS } from './credential-files.js';

/** One secret rule, as written in rules/secrets/*.yaml or a user's .moltguard.yml. */
export const SecretRuleSchema = z
  .object({
    /** Stable forever: suppressions and baselines refer to it. */
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a kebab-case id'),
    /** What the secret is, as a reader would name it ("OpenAI API key"). */
    description: z.string().min(3),
    severity: z.enum(SEVERITIES),
    /** Cheap literal pre-filter, matched case-insensitively: the regex runs only near a hit. */
    keywords: z.array(z.string().min(2)).default([]),
    /** JavaScript regular expression source; the secret is `secretGroup` of each match. */
    regex: z.string().min(1),
    ignoreCase: z.boolean().default(false),
    /** Capture group holding the secret (number or name); the whole match when absent. */
    secretGroup: z.union([z.number().int().min(0), z.string()]).optional(),
    /** Minimum Shannon entropy (bits per character) of the secret, for formats that are not self-identifying. */
    entropy: z.number().min(0).max(8).optional(),
    /** The secret may span lines (key blocks): the search window reaches past the hit's line. */
    multiline: z.boolean().default(false),
    /** Offline check that drops look-alikes (a checksum, a decodable payload). */
    validate: z.enum(Object.keys(VALIDATORS) as [string, ...string[]]).optional(),
    /**
     * A generic rule judged on `name = value` pairs (dotenv, YAML, JSON, TOML, INI, Dockerfile,
     * code): `keys` is a case-insensitive regex for the normalized name (`apiKey` -> `api_key`)
     * and `regex` must match the whole value.
     */
    assignment: z.object({ keys: z.string().min(1) }).strict().optional(),
    /**
     * Languages (by file name, see literals/family.ts) the rule runs on; every file when absent.
     * A pair shape that is a credential in an INI file is code anywhere else.
     */
    languages: z.array(z.enum(FAMILIES)).min(1).optional(),
    /**
     * Credential files (by name, see credential-files.ts) the rule reads; every file when absent.
     * Such a rule reports a field by the file's format, however weak its value.
     */
    files: z.array(z.enum(CREDENTIAL_FILE_KINDS)).min(1).optional(),
    /** The secret must be a literal in the file's language (a quoted string in code), not an expression. */
    literal: z.boolean().default(false),
    /**
     * The rule reports values that fail their format's check (a checksum, a length): made-up
     * examples, most of the time. In a test fixture, where made-up values are the point, such
     * a finding is dropped; elsewhere it is reported at the rule's (low) severity.
     */
    lookalike: z.boolean().default(false),
    /**
     * The secret is key material anyone makes on their own machine (`openssl genrsa`,
     * `ssh-keygen`), not a credential a provider issued to an account. A test that needs a key
     * pair has to commit one, so in a test fixture path such a key is lowered one step more
     * than other secrets; a provider's token in a test still had to come from an account.
     */
    localKey: z.boolean().default(false),
    /**
     * The rule's only evidence is that a value reads like a password (a plain word). Inside a
     * documentation example (a docstring, an `EXAMPLES` block, a Markdown fence) a plain word
     * is what docs fill the slot with, so the finding is dropped there instead of lowered.
     */
    silentInDocExamples: z.boolean().default(false),
    /**
     * Values that would be dropped as placeholders (`secret`) but that, in this rule's field,
     * are the demo password docs and tutorials print: reported low, as a demo credential,
     * instead of not at all. Matched exactly.
     */
    demoValues: z.array(z.string().min(1)).default([]),
    /** Higher wins when two rules match the same text; generic rules sit below provider rules. */
    priority: z.number().int().default(0),
    allow: z
      .object({
        /** A secret containing any of these (case-insensitive) is a placeholder. */
        stopwords: z.array(z.string().min(1)).default([]),
        /** A secret matching any of these is not reported. */
        regexes: z.array(z.string()).default([]),
      })
      .strict()
      .default({ stopwords: [], regexes: [] }),
    /** How to revoke and rotate this provider's credential. */
    remediation: z.string().min(10),
    samples: z
      .object({
        positive: z.array(z.string()).min(1),
        negative: z.array(z.string()).min(1),
      })
      .strict(),
  })
  .strict();

export type SecretRule = z.infer<typeof SecretRuleSchema>;
export type SecretRuleInput = z.input<typeof SecretRuleSchema>;

export interface LoadResult {
  rules: SecretRule[];
  problems: string[];
}

/** Turns zod issues into `file: path.to.key: message` lines, one per problem. */
export function describeIssues(file: string, error: z.ZodError, prefix: (string | number)[] = []): string[] {
  return error.issues.map((issue) => {
    // Keys are the user's text: a token pasted as a key must not reach the log raw.
    const path = [...prefix, ...issue.path].map((k) => (typeof k === 'number' ? String(k) : quoteName(String(k)))).join('.');
    const message = issue.code === 'unrecognized_keys' ? `Unrecognized key${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.map((k) => `"${quoteName(k)}"`).join(', ')}` : issue.message;
    return `${file}: ${path || '(top level)'}: ${message}`;
  });
}

/** Validates raw rule objects from one source; errors are values, gathered, never thrown. */
export function parseRules(file: string, raw: unknown): LoadResult {
  const list = z.array(z.unknown()).safeParse(raw);
  if (!list.success) return { rules: [], problems: [`${file}: expected a list of rules`] };
  const rules: SecretRule[] = [];
  const problems: string[] = [];
  list.data.forEach((entry, i) => {
    const parsed = SecretRuleSchema.safeParse(entry);
    const id = (entry as { id?: unknown })?.id;
    const label: (string | number)[] = [typeof id === 'string' ? id : i];
    if (!parsed.success) {
      problems.push(...describeIssues(file, parsed.error, label));
      return;
    }
    const problem = regexProblem(parsed.data);
    if (problem) {
      problems.push(`${file}: ${label.join('.')}.${problem}`);
      return;
    }
    rules.push(parsed.data);
  });
  return { rules, problems };
}

/** What is wrong with a rule's regexes (`regex: …` or `secretGroup: …`), if anything. */
export function regexProblem(rule: SecretRule): string | undefined {
  try {
    const re = new RegExp(rule.regex, 'g');
    const group = rule.secretGroup;
    if (typeof group === 'string' && !new RegExp(`\\(\\?<${group}>`).test(rule.regex)) {
      return `secretGroup: no group named "${group}" in the regex`;
    }
    if (typeof group === 'number' && group > countGroups(re)) {
      return `secretGroup: the regex has no group ${group}`;
    }
  } catch (e) {
    return `regex: ${(e as Error).message}`;
  }
  if (rule.assignment) {
    try {
      new RegExp(rule.assignment.keys, 'i');
    } catch (e) {
      return `assignment.keys: ${(e as Error).message}`;
    }
  }
  for (const source of rule.allow.regexes) {
    try {
      new RegExp(source);
    } catch (e) {
      return `allow.regexes: ${(e as Error).message}`;
    }
  }
  return undefined;
}

function countGroups(re: RegExp): number {
  // An empty alternative matches the empty string and reports every group as a slot.
  return new RegExp(`${re.source}|`).exec('')!.length - 1;
}

/** Ids must be unique across every source of rules, or a suppression would be ambiguous. */
export function mergeRuleSets(sets: LoadResult[]): LoadResult {
  const seen = new Set<string>();
  const rules: SecretRule[] = [];
  const problems: string[] = [];
  for (const set of sets) {
    problems.push(...set.problems);
    for (const rule of set.rules) {
      if (seen.has(rule.id)) problems.push(`rule ${rule.id}: defined more than once`);
      else {
        seen.add(rule.id);
        rules.push(rule);
      }
    }
  }
  return { rules, problems };
}
