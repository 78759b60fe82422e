/**
 * Values that stand for a secret without being one: documentation placeholders, template
 * variables and references to the environment. Shared by every rule, so that no rule needs
 * its own list of stop-words for them.
 */

// Template and reference syntaxes: ${VAR}, {{ secrets.X }}, #{Var} (Ruby, Octopus; closed, so a
// random WordPress salt holding `#{` is not taken for one), <TOKEN> (also HTML-escaped,
// `&lt;TOKEN&gt;`, as docs rendered into XML or HTML carry it), %(name)s (with a name: Django's
// generated keys hold `%(` by chance), $VAR (not a crypt hash's `$apr1$` or `$y$`), env
// lookups, and values that are ciphertext for a key kept elsewhere (SOPS `ENC[AES256_GCM,data:…]`).
const REFERENCE =
  /^\$(?!(?:1|2[abxy]?|5|6|7|y|gy|apr1|md5|sha1|argon2(?:id|i|d)|scrypt|pbkdf2(?:-sha\d+)?)\$)[A-Za-z_{(]|\$\{|#\{[^{}\n]{1,200}\}|\{\{|\}\}|^<[^>]*>$|^&lt;(?:(?!&gt;).)*&gt;$|^\[[^\]]*\]$|%\(\w+\)|^%[A-Z_]+%$|process\.env|os\.environ|os\.getenv|getenv\(|ENV\[|env\(|secrets\.|vault:|^!|^ENC\[/;

// Words the guide and other docs use in place of a real value (`your_moltbotden_api_key`).
const PLACEHOLDER_WORDS =
  /^(?:password|passwd|secret)$|^my[_-]|your[_-]?(?:[a-z0-9]+[_-]){0,3}(api[_-]?)?(key|token|secret|password)|example|placeholder|changeme|change[_-]me|replace[_-]?me|dummy|redacted|insert[_-]|todo|fixme|xxxx|\*\*\*\*|\.\.\.|…|<[a-z_ -]+>|_here\b|goes[_-]here|not[_-]a[_-]real|fake[_-]?(key|token|secret)/i;

/** True for a value that is a reference to a secret kept elsewhere. */
export function isReference(value: string): boolean {
  return REFERENCE.test(value);
}

// Values published as examples that docs and tests copy verbatim: the signature of the token
// jwt.io shows every visitor (signed with "your-256-bit-secret"). AWS's example keys say EXAMPLE.
const PUBLISHED_EXAMPLES = /SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c/;

/** True for a value that is obviously not a real secret. */
export function isPlaceholder(value: string): boolean {
  if (PUBLISHED_EXAMPLES.test(value)) return true;
  // In a multi-kilobyte key block, `todo` or `xxxx` turn up by chance: only unmistakable marks count there.
  const words = value.length > LONG ? LONG_PLACEHOLDER : PLACEHOLDER_WORDS;
  if (words.test(value) || isReference(value)) return true;
  return isLowVariety(value);
}

const LONG = 100;
const LONG_PLACEHOLDER = /\.\.\.|…|<[a-z_ -]+>|example|placeholder|redacted|x{8,}|\*{8,}/i;

/**
 * `aaaaaaaa`, `abcdefgh…`, `12345678…`: runs that any real random value is vanishingly
 * unlikely to be made of.
 */
function isLowVariety(value: string): boolean {
  if (value.length < 8) return false;
  const distinct = new Set(value).size;
  if (distinct <= 2) return true;
  let ascending = 0;
  for (let i = 1; i < value.length; i++) {
    if (value.charCodeAt(i) - value.charCodeAt(i - 1) === 1) ascending++;
  }
  return ascending >= value.length * 0.6;
}
