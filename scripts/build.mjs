// Bundles the CLI and the action into dist/ with esbuild. The rule files are parsed here and
// embedded, so dist/ runs with no node_modules and no rules/ folder beside it.
import { build } from 'esbuild';
import { readFileSync, readdirSync, rmSync, mkdirSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const ruleFiles = readdirSync('rules/secrets')
  .filter((f) => /\.ya?ml$/.test(f))
  .sort()
  .map((f) => ({ file: `rules/secrets/${f}`, data: parse(readFileSync(`rules/secrets/${f}`, 'utf8')) }));

rmSync('dist', { recursive: true, force: true });
mkdirSync('dist');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  legalComments: 'none',
  logLevel: 'warning',
  // Bundled CommonJS dependencies call require() for Node built-ins; ESM has none of its own.
  banner: { js: "import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);" },
  define: {
    __MOLTGUARD_RULE_FILES__: JSON.stringify(ruleFiles),
    __MOLTGUARD_VERSION__: JSON.stringify(pkg.version),
  },
};

await build({ ...common, entryPoints: ['src/main-cli.ts'], outfile: 'dist/cli.js' });
await build({ ...common, entryPoints: ['src/main-action.ts'], outfile: 'dist/index.js' });

// schema/moltguard.schema.json comes from the same zod schema that validates configs, so the
// editor completion and the validator can never disagree.
const tmp = mkdtempSync(join(tmpdir(), 'moltguard-schema-'));
await build({ ...common, entryPoints: ['src/policy/schema.ts'], outfile: join(tmp, 'schema.mjs') });
const { configJsonSchema } = await import(pathToFileURL(join(tmp, 'schema.mjs')).href);
rmSync(tmp, { recursive: true, force: true });
mkdirSync('schema', { recursive: true });
writeFileSync('schema/moltguard.schema.json', `${JSON.stringify(configJsonSchema(), null, 2)}\n`);
