import type { Detection } from '../../finding.js';
import { baseName, configRule, type ConfigCheck } from '../rule.js';
import { parseErrorRule } from '../parse-error.js';
import { aboutSecret, isLiteralSecret } from '../secret-values.js';
import { environmentFileTargets } from '../systemd/env-files.js';
import { looksLikeEnvFile, parseDotenv } from './parse.js';

const envFileSecret = configRule({
  id: 'env-file-secret',
  title: 'Committed env file holds a real secret',
  severity: 'high',
  why: 'Env files are where the guide keeps secrets on the server (mode 600, owned by the service user, never committed); once committed, the value is in every clone and in git history.',
  fix: 'Rotate the value at its provider, remove the file from git (`git rm --cached`, add it to .gitignore) and commit only a .env.example with placeholders.',
});

// Names that are templates by convention: a placeholder goes there, never a value.
const TEMPLATE = /(?:^|[.-])(?:example|sample|template|dist|defaults?)(?:\.|$)/i;
// `.env.ts`, `.env.json`: code or data about env files, not env files.
const NOT_DOTENV = /\.(?:[cm]?[jt]s|json|ya?ml|toml|py|rb|go|sh|md|txt|d\.ts)$/i;

/** `.env`, `.env.production`, `agent.env`, `prod.env.example`, by name. */
export function isEnvFileName(path: string): boolean {
  const name = baseName(path);
  if (NOT_DOTENV.test(name)) return false;
  return name === '.env' || name.startsWith('.env.') || name.endsWith('.env') || /\.env\.[a-z]+$/i.test(name);
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
    const out: Detection[] = problems.map((p) => parseErrorRule.at({ line: p.line, column: p.column }, { message: `${path}: ${p.message}.`, key: p.message }));
    const template = TEMPLATE.test(baseName(path));
    const lines = text.split(/\r?\n/);
    const via = loadedBy ? ` (loaded by ${loadedBy.entry.file} with EnvironmentFile=${loadedBy.entry.value})` : '';
    for (const e of entries) {
      if (!isLiteralSecret(e.name, e.value)) continue;
      const single = e.line === e.endLine;
      out.push(
        aboutSecret(envFileSecret.at(
          { line: e.line, column: e.column, endLine: e.endLine, endColumn: e.endColumn },
          {
            message: template
              ? `${e.name} in the template ${baseName(path)} holds what looks like a real value, not a placeholder.`
              : `${e.name} in ${path}${via} holds a literal value, committed with the file.`,
            key: `env ${e.name}`,
            // In a template the fix is a one-line edit; in a real env file it is removing the file.
            ...(template && single ? { fix: { line: e.line, replacement: `${lines[e.line - 1].slice(0, e.valueColumn - 1)}your_${e.name.toLowerCase()}` } } : {}),
          },
        ), e.value),
      );
    }
    return out;
  },
};
