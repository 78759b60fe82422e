/**
 * The only place secrets become text. A preview keeps the known prefix (which says what
 * kind of key it is, not which key) and at most 4 characters of the random part, fewer for
 * short secrets so that a short password is never half shown.
 */
export function redactSecret(secret: string, knownPrefix = ''): string {
  const prefix = knownPrefix && secret.startsWith(knownPrefix) ? knownPrefix : '';
  const rest = secret.slice(prefix.length);
  const shown = Math.min(4, Math.floor(rest.length / 4));
  return `${prefix}${rest.slice(0, shown)}${'*'.repeat(Math.min(8, Math.max(3, rest.length - shown)))}`;
}

/** Replaces every occurrence of every secret in `text` with its preview. */
export interface KnownSecret {
  secret: string;
  knownPrefix?: string;
}

export function redactLine(text: string, secrets: readonly KnownSecret[]): string {
  let out = text;
  // Longest first, so a secret that contains another is masked whole.
  for (const { secret, knownPrefix } of [...secrets].sort((a, b) => b.secret.length - a.secret.length)) {
    if (secret.length === 0 || !out.includes(secret)) continue;
    out = out.split(secret).join(redactSecret(secret, knownPrefix));
  }
  return out;
}
