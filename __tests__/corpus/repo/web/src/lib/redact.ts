// Patterns for the log redactor. They describe key formats; they are not keys.
export const SECRET_PATTERNS: Record<string, RegExp> = {
  moltbotden: /mbd_(live|test)_[A-Za-z0-9]{24,128}/g,
  openai: /sk-(proj-|svcacct-)?[A-Za-z0-9_-]{20,}/g,
  telegram: /\d{8,10}:AA[A-Za-z0-9_-]{33}/g,
  slack: /xox[abprs]-[A-Za-z0-9-]{10,}/g,
  bearer: /Bearer\s+[A-Za-z0-9._~+/-]+=*/g,
};

export function redact(line: string): string {
  return Object.values(SECRET_PATTERNS).reduce((out, re) => out.replace(re, '[redacted]'), line);
}

export const REDACTION_EXAMPLES = [
  ['token=mbd_live_a1b2c3d4...', 'token=[redacted]'],
  ['Authorization: Bearer <token>', 'Authorization: [redacted]'],
];
