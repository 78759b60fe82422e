import { redactSecret } from './redact.js';

/**
 * What a name the user wrote may look like to be quoted as is in a message: kebab-case words
 * (`no-such-rule`, `max-file-size`, `$schema`). A key that is not a name (a token pasted as a
 * `rules:` key, a value with control characters) is shown redacted: error messages go to CI
 * logs that anyone reading the run can see.
 */
const NAME_LIKE = /^\$?[a-z][a-z0-9]{0,15}(?:-[a-z0-9]{1,16}){0,8}$/;

export function quoteName(name: string): string {
  if (NAME_LIKE.test(name)) return name;
  return `«${escapeControls(redactSecret(name))}» (redacted: not a name)`;
}

/**
 * JSON.parse's message quotes the text around the error (V8: `Unexpected token 'x', "…" is
 * not valid JSON`): only where it failed is kept.
 */
export function jsonErrorPlace(e: unknown): string {
  const message = e instanceof Error ? e.message : '';
  const place = /line (\d+) column (\d+)/.exec(message);
  if (place) return `at line ${place[1]}, column ${place[2]}`;
  const at = /position (\d+)/.exec(message);
  if (at) return `at offset ${at[1]}`;
  return /end of JSON input/.test(message) ? 'it ends early' : 'unexpected text';
}

/**
 * C0 and C1 control characters (ESC, BEL, CR, ...) and bidi overrides of a file name or other
 * user text as `\uNNNN`, so that a name cannot move the cursor, recolour or rewrite a terminal
 * or a log. In a text that needed escaping, backslashes are doubled too, so the escapes read
 * back unambiguously. `keepNewlines` is for Markdown, which turns them into line breaks.
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const CONTROLS = new RegExp(`\\\\|${CONTROL.source}`, 'g');

export function escapeControls(raw: string, keepNewlines = false): string {
  const text = keepNewlines ? raw.replace(/\r\n/g, '\n') : raw;
  if (!CONTROL.test(keepNewlines ? text.replace(/\n/g, '') : text)) return raw;
  return text.replace(CONTROLS, (c) => {
    if (c === '\\') return '\\\\';
    if (keepNewlines && c === '\n') return c;
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/**
 * JSON.stringify escapes C0 controls only: C1 controls (8-bit CSI) and bidi overrides are
 * written raw. Serialized JSON has them only inside strings, where `\uNNNN` is the same data.
 */
export function escapeJsonControls(json: string): string {
  return json.replace(/[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
