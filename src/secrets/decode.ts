import { normalizeKey } from './assignment.js';

/**
 * Places where configs hold a secret encoded rather than as written: Kubernetes Secret `data:`
 * values and Docker `auth` entries (base64), HTTP basic-auth headers (base64 `user:pass`),
 * URL-encoded connection strings, FileZilla's `<Pass encoding="base64">` and the reversible
 * encoding JetBrains IDEs give a deployment server's password. Each is decoded so the rules can
 * see the secret, and the finding points at the encoded text in the file.
 */
export interface EncodedSegment {
  start: number;
  end: number;
  /** The text the rules scan: `name=value` where a name is known, so generic rules can score it. */
  decoded: string;
  how: 'base64' | 'URL encoding' | 'JetBrains password encoding';
}

const B64 = '[A-Za-z0-9+/]{8,}={0,2}';
const BASIC = new RegExp(`\\bBasic\\s+(${B64})`, 'g');
const DOCKER_AUTH = new RegExp(`"auth"\\s*:\\s*"(${B64})"`, 'g');
const PUBLIC_PART = /(?:^|_)(?:crt|cert|certificate|ca|pub|public|host|hostname|port|user|username|database|db|name|url|endpoint|region)$/i;
const K8S_DATA = new RegExp(`^[ \\t]+([A-Za-z0-9_.-]+):[ \\t]*["']?(${B64})["']?[ \\t]*$`, 'gm');
// Anchored on `://` then widened, so the costly part only runs where a URL is.
const FILEZILLA_PASS = new RegExp(`<Pass encoding="base64">(${B64})</Pass>`, 'g');
// WebServers.xml: each UTF-16 unit of the password as four hex digits, XORed with 0xdfaa.
const JETBRAINS_PASSWORD = /<fileTransfer\b[^>]*?\spassword="((?:[0-9a-f]{4}){1,256})"/g;
const URL_ENCODED = /(?<![a-z0-9+.-])[a-z][a-z0-9+.-]{0,30}:\/\/[^\s"'<>%]{0,200}%[0-9A-Fa-f]{2}[^\s"'<>]{0,300}/g;
const PERCENT_ESCAPE = /%[0-9A-Fa-f]{2}/;

/** A `%XX` within the URL that follows some `://`: checked per URL, not over the whole text. */
function hasEncodedUrl(text: string): boolean {
  for (let i = text.indexOf('://'); i >= 0; i = text.indexOf('://', i + 3)) {
    const url = /^[^\s"'<>]{0,500}/.exec(text.slice(i + 3, i + 503))![0];
    if (PERCENT_ESCAPE.test(url)) return true;
  }
  return false;
}

export function encodedSegments(text: string): EncodedSegment[] {
  const out: EncodedSegment[] = [];
  if (text.includes('Basic ')) collect(out, text, BASIC, (m) => printable(m[1]));
  if (text.includes('"auth"')) collect(out, text, DOCKER_AUTH, (m) => printable(m[1]));
  if (text.includes('Secret') && /^kind:\s*Secret\b/m.test(text)) {
    collect(out, text, K8S_DATA, (m) => {
      const value = printable(m[2]);
      if (value === undefined) return undefined;
      // A Secret's data is secret by definition, whatever its key is called (`webhook-hmac`), so
      // its values are scored as secrets; keys that name public parts (certificates, hosts,
      // users) keep their own name and are judged by it.
      const key = normalizeKey(m[1]);
      return `${PUBLIC_PART.test(key) ? key : 'secret'}=${value}`;
    }, 2);
  }
  if (text.includes('<Pass encoding="base64">')) {
    // Decoded into the plain form FileZilla also writes, so one rule reads both.
    collect(out, text, FILEZILLA_PASS, (m) => {
      const value = printable(m[1])?.trim();
      return value ? `<Pass>${value}</Pass>` : undefined;
    });
  }
  if (text.includes('<fileTransfer')) {
    collect(out, text, JETBRAINS_PASSWORD, (m) => {
      const value = jetbrainsPassword(m[1]);
      return value ? `<fileTransfer password="${value}">` : undefined;
    }, 1, 'JetBrains password encoding');
  }
  if (hasEncodedUrl(text)) {
    collect(out, text, URL_ENCODED, (m) => {
      try {
        const decoded = decodeURIComponent(m[0]);
        return decoded !== m[0] ? decoded : undefined;
      } catch {
        return undefined;
      }
    }, 0, 'URL encoding');
  }
  return out;
}

function collect(
  out: EncodedSegment[],
  text: string,
  re: RegExp,
  decode: (m: RegExpExecArray) => string | undefined,
  group = 1,
  how: EncodedSegment['how'] = 'base64',
): void {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const decoded = decode(m);
    if (decoded === undefined) continue;
    const start = m.index + m[0].indexOf(m[group]);
    out.push({ start, end: start + m[group].length, decoded, how });
  }
}

/** Base64 that decodes to printable text (what a credential is), or undefined. */
function printable(b64: string): string | undefined {
  if (b64.length % 4 === 1) return undefined;
  const text = Buffer.from(b64, 'base64').toString('utf8');
  return text.length >= 4 && /^[\x20-\x7e\t\r\n]+$/.test(text) ? text : undefined;
}

/** The password a JetBrains `password="…"` attribute encodes, when it decodes to printable text. */
function jetbrainsPassword(hex: string): string | undefined {
  let out = '';
  for (let i = 0; i < hex.length; i += 4) out += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16) ^ 0xdfaa);
  return /^[\x20-\x7e]+$/.test(out) && !out.includes('"') ? out : undefined;
}
