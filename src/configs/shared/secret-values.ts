import type { Detection } from '../../model/finding.js';
import { isPlaceholder, isReference } from '../../secrets/placeholder.js';

/**
 * Whether an environment variable's name and value make it a literal secret. Shared by the
 * env-file, systemd `Environment=` and container `environment:` checks, so that one notion of
 * "a secret in plain text" holds for every place a variable can be set.
 */

// Suffixes that name a credential; PUBLIC/PUBLISHABLE keys are meant to be shared.
const SECRET_NAME = /(?:^|[_.-])(?:API_?KEY|KEY|TOKEN|SECRET|PASSWORD|PASSWD|PASS|PWD|CREDENTIALS?|PRIVATE_KEY|AUTH_KEY|DSN)$|PASSWORD|SECRET|_TOKEN_|_KEY_/i;
const PUBLIC_NAME = /PUBLIC|PUBLISHABLE|(?:^|_)PK(?:_|$)/i;
const PASSWORD_NAME = /(?:PASSWORD|PASSWD|PASS|PWD)$/i;

/** True for a variable name that holds a credential by convention (`OPENAI_API_KEY`, `DB_PASSWORD`). */
export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name) && !PUBLIC_NAME.test(name);
}

// Values that configure rather than authenticate: booleans, numbers, paths, bare words.
const NOT_A_SECRET = /^(?:true|false|yes|no|on|off|none|null|nil|undefined|\d{1,6})$/i;
const PATH_LIKE = /^(?:\/|\.{1,2}\/|~\/|[A-Za-z]:\\)/;
// An identifier in capitals (`PASSWORD`, `DB_PASSWORD`) stands for a value, it is not one.
const NAME_LIKE = /^[A-Z][A-Z_]*$/;
// The words a URL's password slot holds in documentation (`agent:PASSWORD@`, `user:pass@`).
const PASSWORD_WORDS = /^(?:password|passwd|pass|pwd|pw|secret|user|username|changeme)$/i;

/** A value that stands for a secret instead of being one: placeholder, reference, empty. */
export function isStandIn(value: string): boolean {
  const v = value.trim();
  return v === '' || isReference(v) || isPlaceholder(v) || NAME_LIKE.test(v) || PASSWORD_WORDS.test(v);
}

/**
 * True when `name=value` is a literal credential: a secret-named variable whose value is not
 * a placeholder, a reference, a path or a configuration word, or any value that is a URL with
 * a real password in it.
 */
export function isLiteralSecret(name: string, value: string): boolean {
  const v = value.trim();
  const password = urlPassword(v);
  if (password !== undefined) return !isStandIn(password);
  if (!isSecretName(name) || isStandIn(v)) return false;
  if (NOT_A_SECRET.test(v) || PATH_LIKE.test(v) || /^[a-z][a-z0-9+.-]*:\/\/[^@]*$/i.test(v)) return false;
  // A password can be short and plain; a key or token is long and not a single lowercase word.
  if (PASSWORD_NAME.test(name)) return v.length >= 4;
  return v.length >= 12 && !/^[a-z]+(?:[_-][a-z]+)*$/.test(v);
}

/** The password inside `scheme://user:password@host`, decoded; undefined when there is none. */
export function urlPassword(value: string): string | undefined {
  return urlPasswordForms(value)?.decoded;
}

/** The password as written in the URL (percent-encoded or not) and decoded. */
export function urlPasswordForms(value: string): { raw: string; decoded: string } | undefined {
  const m = /^[a-z][a-z0-9+.-]*:\/\/(\S*)$/i.exec(value);
  if (!m) return undefined;
  // A host never holds '@' but a password may (unencoded): the userinfo ends at the last '@'
  // before the query string.
  const beforeQuery = m[1].split('?')[0];
  const at = beforeQuery.lastIndexOf('@');
  if (at < 0) return undefined;
  const userinfo = beforeQuery.slice(0, at);
  const colon = userinfo.indexOf(':');
  if (colon < 0) return undefined;
  const raw = userinfo.slice(colon + 1);
  try {
    return { raw, decoded: decodeURIComponent(raw) };
  } catch {
    return { raw, decoded: raw };
  }
}

/**
 * Marks a config detection as being about this secret, so that the Finding redacts it in the
 * snippet (of this and every other finding on the line) and fingerprints it by the secret:
 * a new value in the same variable is a new finding.
 */
export function aboutSecret(d: Detection, secret: string): Detection {
  return secret ? { ...d, secret } : d;
}
