import type { Detection } from '../../model/finding.js';
import { baseName, configRule, type ConfigCheck } from '../rule.js';
import { parseError } from '../parse-error.js';
import { aboutSecret, isLiteralSecret } from '../shared/secret-values.js';
import { environmentFileTargets } from '../systemd/env-files.js';
import { looksLikeEnvFile, parseDotenv } from './parse.js';

const envFileSecret = configRule({
  id: 'env-file-secret',
  title: 'Committed env file holds a real secret',
  severity: 'high',
  why: 'Env files are where the guide keeps secrets on the server (mode 600, owned by the service user, never committed); once committed, the value is in every clone and in git history.',
  fix: 'Rotate the value at its provider, remove the file from git (`git rm --cached`, add it to .gitignore) and commit only a .env.example with placeholders.',
});

// One finding names its file's secrets; with thousands of keys the list must stop somewhere:
// a review comment over 65,536 characters is refused with the whole review, and SARIF
// viewers expect well under 1,000 related locations per result.
const NAMES_SHOWN = 10;
const RELATED_SHOWN = 50;

// Names that are templates by convention: a placeholder goes there, never a value.
const TEMPLATE = /(?:^|[.-])(?:example|sample|template|tmpl|dist|defaults?)(?:\.|$)/i;
// `.env.ts`, `.env.json`: code or data about env files, not env files.
const NOT_DOTENV = /\.(?:[cm]?[jt]s|json|ya?ml|toml|py|rb|go|sh|md|txt|d\.ts)$/i;

/** `.env`, `.env.production`, `agent.env`, `prod.env.example`, by name. */
export function isEnvFileName(path: string): boolean {
  const name = baseName(path);
  if (NOT_DOTENV.test(name)) return false;
  return name === '.env' || name.startsWith('.env.') || name.endsWith('.env') || /\.env\.[a-z]+$/i.test(name);
}

/** `.env.example`, `prod.env.tmpl`: committed on purpose, with placeholders. */
export function isEnvTemplate(path: string): boolean {
  return TEMPLATE.test(baseName(path));
}

export const dotenvCheck: ConfigCheck = {
  name: 'dotenv',
  rules: [envFileSecret],
  applies(path, text) {
    if (isEnvFileName(path)) return true;
    // An EnvironmentFile= target can have any name (`/etc/default/agent`); only env-shaped
    // files without a code extension are candidates, confirmed in check() against the units.
    return !/\.[A-Za-z]{1,5}$/.test(baseName(path)) && text.includes('=') && looksLikeEnvFile(text);
  },
  check(path, text, ctx) {
    const loadedBy = isEnvFileName(path) ? undefined : environmentFileTargets(ctx).get(path);
    if (!isEnvFileName(path) && !loadedBy) return [];
    const { entries, problems } = parseDotenv(text);
    const out: Detection[] = problems.map((p) => parseError(path, p, p.message));
    const template = isEnvTemplate(path);
    const lines = text.split(/\r?\n/);
    const via = loadedBy ? ` (loaded by ${loadedBy.entry.file} with EnvironmentFile=${loadedBy.entry.value})` : '';
    const literal = entries.filter((e) => isLiteralSecret(e.name, e.value));
    if (literal.length === 0) return out;
    if (!template) {
      // One finding per file: the fix (rotate, untrack, .gitignore) is about the file, and the
      // secret rules already report each key at its own line.
      const [first, ...rest] = literal;
      const shown = literal.slice(0, NAMES_SHOWN).map((e) => clipName(e.name)).join(', ');
      const names = literal.length > NAMES_SHOWN ? `${shown} and ${literal.length - NAMES_SHOWN} more` : shown;
      const moreRelated = rest.length > RELATED_SHOWN ? `; ${rest.length - RELATED_SHOWN} more after line ${rest[RELATED_SHOWN - 1].line}` : '';
      out.push(
        envFileSecret.at(
          { line: first.line, column: first.column, endLine: first.endLine, endColumn: first.endColumn },
          {
            message: `${path}${via} is committed with ${literal.length} literal secret value${literal.length > 1 ? 's' : ''} (${names}).`,
            // The file is the finding: adding a variable must not make it a new one.
            key: 'env-file',
            related: rest.slice(0, RELATED_SHOWN).map((e, i) => ({
              path,
              line: e.line,
              column: e.column,
              endLine: e.endLine,
              endColumn: e.endColumn,
              message: `${clipName(e.name)} holds a literal value${i === RELATED_SHOWN - 1 ? moreRelated : ''}`,
            })),
          },
        ),
      );
      out[out.length - 1].mask = literal.map((e) => e.value).filter((v) => v.length >= 4);
      return out;
    }
    for (const e of literal) {
      const single = e.line === e.endLine;
      out.push(
        aboutSecret(
          envFileSecret.at(
            { line: e.line, column: e.column, endLine: e.endLine, endColumn: e.endColumn },
            {
              message: `${e.name} in the template ${baseName(path)} holds what looks like a real value, not a placeholder.`,
              key: `env ${e.name}`,
              // In a template the fix is a one-line edit.
              ...(single ? { fix: { line: e.line, replacement: `${lines[e.line - 1].slice(0, e.valueColumn - 1)}your_${e.name.toLowerCase()}` } } : {}),
            },
          ),
          e.value,
        ),
      );
    }
    return out;
  },
};

/** A variable name is the file author's; a 10 KB one must not make the message 10 KB. */
function clipName(name: string, max = 100): string {
  return name.length <= max ? name : `${name.slice(0, max - 1)}…`;
}
