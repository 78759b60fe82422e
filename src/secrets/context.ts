import type { Detection, Severity } from '../model/finding.js';
import { SEVERITIES } from '../model/finding.js';
import { unquotedIsLiteral } from './assignment.js';
import { familyOf } from './literals/family.js';
import { credentialFilesOf } from './credential-files.js';

/**
 * Where a secret sits changes how sure we are it is live. Kept to path facts anyone can check,
 * and said in the finding's message, so a lowered severity is never a mystery.
 */
interface PathContext {
  /** Why confidence is lower here, in words for the message; undefined for ordinary files. */
  lower?: string;
  /** Generic (name = value) findings are dropped here: lock files hold integrity hashes. */
  dropGeneric?: boolean;
  /** Look-alike findings (a value failing its format's check) are dropped here: a made-up value is what a fixture is. */
  dropLookalike?: boolean;
  /** Why a locally generated key (a private key) is lowered one step more here, in words for the message. */
  localKeyLower?: string;
}

const LOCK_FILES = /(^|\/)(package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|bun\.lock|Cargo\.lock|poetry\.lock|Pipfile\.lock|uv\.lock|go\.sum|Gemfile\.lock|composer\.lock|packages\.lock\.json|flake\.lock)$/;
// A directory of tests, a file named for what it tests (`url.test.js`), or test code named
// just `test.js` (a `test.cfg` or `test.env` configures a test environment: not lowered).
const TEST_PATH = /(^|\/)(tests?|__tests__|spec|specs|fixtures?|__fixtures__|testdata|test-data|mocks?|__mocks__)\/|[._-](test|spec)\.[a-z0-9]+$|(^|\/)(tests?|specs?)\.(?:[cm]?[jt]sx?|py|rb|go|rs|java|kt|php|cs|swift|exs?)$/i;
const DOC_PATH = /(^|\/)docs?\/|\.(md|mdx|rst|adoc|txt)$/i;
// botocore names its API reference examples `data/<service>/<version>/examples-1.json`.
const EXAMPLE_PATH = /\.(example|sample|template|dist|tmpl)$|(^|\/)examples?\/|[._-]examples?\.[a-z]+$|(^|\/)examples-\d+\.json$/i;
// Type declarations hold no runtime values: a `name = value` in one is documentation.
const DECLARATIONS = /\.d\.[cm]?ts$/;
const MINIFIED_NAME = /\.min\.(js|css|mjs)$/i;
/** Under a `dist/` or `build/` folder: by folder names, as `(^|\/)(dist|build)\/.*\.js$` read the rest of a long path from each `dist/`. */
const isBuiltBundle = (path: string) => /\.js$/i.test(path) && path.split('/').slice(0, -1).some((dir) => /^(dist|build)$/i.test(dir));

// Tests that run TLS or SSH need a key pair in the repository; the key is made for the test
// and trusted by nothing else. A real key copied into a test folder is still reported (medium).
const LOCAL_KEY_IN_TESTS = 'in a test fixture path, where a private key is nearly always a throwaway pair made for the test (anyone can generate one; a provider token cannot be)';

function pathContext(path: string): PathContext {
  if (LOCK_FILES.test(path)) return { lower: 'in a lock file', dropGeneric: true, dropLookalike: true };
  if (MINIFIED_NAME.test(path) || isBuiltBundle(path)) return { lower: 'in a minified or built bundle', dropGeneric: true, dropLookalike: true };
  if (DECLARATIONS.test(path)) return { lower: 'in a type declaration file', dropGeneric: true, dropLookalike: true };
  if (EXAMPLE_PATH.test(path)) return { lower: 'in an example file' };
  if (TEST_PATH.test(path)) return { lower: 'in a test fixture path', dropLookalike: true, localKeyLower: LOCAL_KEY_IN_TESTS };
  if (DOC_PATH.test(path)) return { lower: 'in documentation' };
  return {};
}

/** One step down, but not below low (info would hide it from most gates), and never up. */
function lowerSeverity(s: Severity): Severity {
  const at = SEVERITIES.indexOf(s);
  return SEVERITIES[Math.max(at, Math.min(SEVERITIES.length - 2, at + 1))];
}

/**
 * Applies the path's context to one secret detection: dropped, lowered one severity step
 * with the reason in the message, or unchanged. A self-identifying key (a provider prefix) is
 * still reported in tests and docs: a live key there is as usable as anywhere.
 */
export function inContext(d: Detection, path: string): Detection | undefined {
  if (d.category !== 'secret') return d;
  const ctx = pathContext(path);
  if (ctx.dropGeneric && d.generic) return undefined;
  if (ctx.dropLookalike && d.lookalike) return undefined;
  if (ctx.localKeyLower && d.localKey) return lowered(d, ctx.localKeyLower, 2);
  return ctx.lower ? lowered(d, ctx.lower) : d;
}

/**
 * Config findings about a value that code or a file holds, not about how a host is set up: a
 * database URL and a private key file. Judged where they sit, as secrets are (measured by
 * `npm run survey`: URL-parser tests such as lib/pq's `url_test.go` and ruby-redis's
 * `examples/`, and docker's and google-api's `testdata/` key pairs, were blocking).
 */
const VALUE_CONFIG_RULES = /^(?:db-url-[a-z0-9-]+|private-key-file)$/;

export function configInContext(d: Detection, path: string): Detection {
  if (d.category === 'secret' || !VALUE_CONFIG_RULES.test(d.ruleId)) return d;
  const ctx = pathContext(path);
  if (ctx.localKeyLower && d.ruleId === 'private-key-file') return lowered(d, ctx.localKeyLower, 2);
  return ctx.lower ? lowered(d, ctx.lower) : d;
}

/** `d` one severity step down (or `steps`), saying why (`where`: "in a Python docstring"). */
export function lowered(d: Detection, where: string, steps = 1): Detection {
  let severity = d.severity;
  for (let i = 0; i < steps; i++) severity = lowerSeverity(severity);
  return {
    ...d,
    severity,
    confidence: 'low',
    message:
      severity === d.severity
        ? `${d.message} Lower confidence: found ${where}.`
        : `${d.message} Lower confidence: found ${where}, so severity is ${severity} instead of ${d.severity}; if it is a real credential, treat it as ${d.severity}.`,
  };
}

/**
 * Two files whose paths give the same answers here are scanned alike: the same text yields the
 * same findings. History scans use it to skip text they have already scanned.
 */
export function contextKey(path: string): string {
  const ctx = pathContext(path);
  // The language (literals/family.ts) decides which values are literals; an extensionless
  // script's `#!` line is part of the text, so the same text still reads the same. Rules bound
  // to a credential file run only on files of that kind.
  return `${ctx.lower ?? ''}|${ctx.dropGeneric ? 1 : 0}${ctx.dropLookalike ? 1 : 0}|${unquotedIsLiteral(path) ? 1 : 0}|${familyOf(path)}|${credentialFilesOf(path).join(',')}`;
}
