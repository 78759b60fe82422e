import type { Detection } from '../../model/finding.js';
import { LineIndex } from '../../model/line-index.js';
import { baseName, configRule, type ConfigCheck } from '../rule.js';
import { WireReader } from './ssh-public-keys.js';

const privateKeyFile = configRule({
  id: 'private-key-file',
  title: 'Private key file committed',
  severity: 'critical',
  why: 'Whoever can read the repository, any clone or its history holds the key: an SSH key opens every VM that trusts it, a TLS key lets anyone impersonate the server. A passphrase only slows an offline guessing attack down.',
  fix: 'Remove the file (`git rm --cached`, add it to .gitignore), purge it from history, and replace the key: new key pair, new public key in authorized_keys or the provider, old one revoked.',
});

/** `id_rsa`, `id_ed25519_sk`, `id_ecdsa-deploy`, but not `id_rsa.pub`. */
const SSH_KEY_NAME = /^id_(rsa|dsa|ecdsa|ed25519)(_sk)?([._-][\w.-]*)?$/;
const KEY_EXTENSION = /\.(pem|key|ppk)$/i;
const BEGIN = /^[ \t]*-----BEGIN ((?:RSA |DSA |EC |OPENSSH |ENCRYPTED |SSH2 ENCRYPTED )?PRIVATE KEY)-----[ \t]*\r?$/gm;
const PPK = /^PuTTY-User-Key-File-\d+: *(\S+)/m;

export const privateKeysCheck: ConfigCheck = {
  name: 'private-keys',
  rules: [privateKeyFile],
  applies(path, text) {
    const name = baseName(path);
    if (name.endsWith('.pub')) return false;
    // Named like a key, or a file that is nothing but a key (`deploy_key`, `github-actions`).
    const named = SSH_KEY_NAME.test(name) || KEY_EXTENSION.test(name);
    const bare = /^\s*-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/.test(text);
    return (named && (text.includes('PRIVATE KEY-----') || PPK.test(text))) || bare;
  },
  check(path, text) {
    const lines = new LineIndex(text);
    const out: Detection[] = [];
    for (const m of text.matchAll(BEGIN)) {
      const kind = m[1];
      const end = text.indexOf(`-----END ${kind}-----`, m.index);
      const block = text.slice(m.index, end < 0 ? text.length : end);
      if (isPlaceholderBody(block)) continue;
      const at = lines.position(m.index + m[0].indexOf('-'));
      const verdict = encryption(kind, block);
      out.push(report(path, at, `${kind} block`, verdict));
    }
    const ppk = PPK.exec(text);
    if (ppk) {
      const enc = /^Encryption: *(\S+)/m.exec(text)?.[1] ?? 'none';
      out.push(report(path, lines.position(ppk.index), `PuTTY ${ppk[1]} key`, enc === 'none' ? 'unencrypted' : `encrypted (${enc})`));
    }
    return out;
  },
};

/**
 * A block whose body is `***`, `xxx` or a few characters stands for a key in docs and templates:
 * the smallest real key (Ed25519 in PKCS#8) is 64 base64 characters.
 */
function isPlaceholderBody(block: string): boolean {
  const body = block
    .split(/\r?\n/)
    .slice(1)
    .filter((line) => !line.includes(':'))
    .join('');
  const base64 = body.match(/[A-Za-z0-9+/]/g)?.length ?? 0;
  return base64 < 48 || /^[\sx.*]+$/i.test(body);
}

function report(path: string, at: { line: number; column: number }, what: string, verdict: string): Detection {
  const encrypted = verdict.startsWith('encrypted');
  return privateKeyFile.at(
    { line: at.line, column: at.column, endColumn: at.column + 10 },
    {
      message: encrypted
        ? `${path} holds a ${what}, ${verdict}: protected by a passphrase, but the encrypted key is public to anyone with the repository and can be attacked offline.`
        : `${path} holds a ${what}, ${verdict}: usable as is by anyone with the repository.`,
      severity: encrypted ? 'high' : 'critical',
      key: `${what} ${encrypted ? 'encrypted' : 'plain'}`,
    },
  );
}

/**
 * Whether the key needs a passphrase: the OpenSSH format names its cipher inside the base64
 * body (`none` means plain); PEM says `Proc-Type: 4,ENCRYPTED`; PKCS#8 says so in its BEGIN line.
 */
function encryption(kind: string, block: string): string {
  if (kind.includes('ENCRYPTED')) return 'encrypted (PKCS#8)';
  if (/^Proc-Type:\s*4,ENCRYPTED/m.test(block)) {
    const cipher = /^DEK-Info:\s*([\w-]+)/m.exec(block)?.[1];
    return `encrypted (${cipher ?? 'PEM'})`;
  }
  if (kind === 'OPENSSH PRIVATE KEY') {
    const body = block.split(/\r?\n/).slice(1).join('').replace(/\s+/g, '');
    const bytes = Buffer.from(body, 'base64');
    const magic = 'openssh-key-v1\0';
    if (bytes.subarray(0, magic.length).toString('latin1') !== magic) return 'unencrypted (unreadable OpenSSH body, assumed plain)';
    const cipher = new WireReader(bytes.subarray(magic.length)).string()?.toString('latin1');
    if (cipher && cipher !== 'none') return `encrypted (${cipher})`;
  }
  return 'unencrypted';
}
