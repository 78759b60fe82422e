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
  const forms = secrets.flatMap(({ secret, knownPrefix }) => writtenForms(secret).map((form) => ({ form, preview: redactSecret(secret, knownPrefix) })));
  // Longest first, so a secret that contains another is masked whole.
  for (const { form, preview } of forms.sort((a, b) => b.form.length - a.form.length)) {
    if (form.length === 0 || !out.includes(form)) continue;
    out = out.split(form).join(preview);
  }
  return out;
}

/**
 * A secret as a file can write it: detectors report the value a program reads, but a value
 * holding a quote, backslash or newline stands in the line escaped (JSON, dotenv, systemd and
 * YAML double quotes), with its quotes doubled (YAML single quotes) or shell-quoted. Each form
 * is masked, so no quoting style lets the raw value through.
 */
export function writtenForms(secret: string): string[] {
  if (!/["'\\\n\r\t]/.test(secret)) return [secret];
  const escaped = secret.replace(/[\\"]/g, '\\$&').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t');
  return [...new Set([secret, escaped, secret.replace(/'/g, "''"), secret.replace(/'/g, "'\\''")])];
}
