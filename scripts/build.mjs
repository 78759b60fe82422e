// Bundles the CLI and the action into dist/ with esbuild. The rule files are parsed here and
// embedded, so dist/ runs with no node_modules and no rules/ folder beside it.
import { build } from 'esbuild';
import { copyFileSync, readFileSync, readdirSync, rmSync, mkdirSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const ruleFiles = readdirSync('rules/secrets')
  .filter((f) => /\.ya?ml$/.test(f))
  .sort()
  .map((f) => ({ file: `rules/secrets/${f}`, data: parse(readFileSync(`rules/secrets/${f}`, 'utf8')) }));

// MOLTGUARD_OUTDIR lets the action's end-to-end tests bundle into a temp folder, so running
// the tests never rewrites the committed dist/ (nor races another build of it).
const outdir = process.env.MOLTGUARD_OUTDIR || 'dist';
const HCL_FILE = 'hcl2-parser.cjs';
rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });

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
    __MOLTGUARD_HCL__: JSON.stringify(`./${HCL_FILE}`),
  },
};

await build({ ...common, entryPoints: ['src/main-cli.ts'], outfile: join(outdir, 'cli.js') });
// The HCL parser (Go compiled to 3.8 MB of JavaScript, self-contained) stays a file of its own
// beside the bundles: inside them it made every scan and every tree worker parse 8 MB more and
// hold ~100 MB more, Terraform or not. src/configs/formats/hcl.ts loads it on the first .tf file.
copyFileSync('node_modules/hcl2-parser/dist/index.js', join(outdir, HCL_FILE));
await build({ ...common, entryPoints: ['src/main-action.ts'], outfile: join(outdir, 'index.js') });

// schema/moltguard.schema.json comes from the same zod schema that validates configs, so the
// editor completion and the validator can never disagree.
// A bundle into MOLTGUARD_OUTDIR (the action's tests) leaves the committed schema alone.
if (!process.env.MOLTGUARD_OUTDIR) {
  const tmp = mkdtempSync(join(tmpdir(), 'moltguard-schema-'));
  await build({ ...common, entryPoints: ['src/policy/schema.ts'], outfile: join(tmp, 'schema.mjs') });
  const { configJsonSchema } = await import(pathToFileURL(join(tmp, 'schema.mjs')).href);
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync('schema', { recursive: true });
  writeFileSync('schema/moltguard.schema.json', `${JSON.stringify(configJsonSchema(), null, 2)}\n`);
}
