import type { Detection, Location } from '../../model/finding.js';
import { LineIndex } from '../../model/line-index.js';
import { baseName, configRule, type ConfigCheck, type ConfigContext } from '../rule.js';
import { isShellScript } from '../shell/check.js';
import { findPublicKeys, keyWeakness, type PublicKey } from '../keys/ssh-public-keys.js';
import { environmentOf, keyOccurrences } from './reuse.js';

export const sshKeyWeak = configRule({
  id: 'ssh-key-weak',
  title: 'SSH key is not Ed25519',
  severity: 'medium',
  why: 'The guide uses Ed25519 keys only: small, fast, and without the weak sizes and fragile signatures of DSA, short RSA and ECDSA.',
  fix: 'Generate a new key with `ssh-keygen -t ed25519 -C agent@prod`, install it, and remove this one from every authorized_keys and provisioning payload.',
});
export const sshKeyReused = configRule({
  id: 'ssh-key-reused',
  title: 'Same SSH key used for several environments',
  severity: 'low',
  why: 'The guide gives each agent and each environment its own key, so a key leaked from staging does not open production and one key can be revoked without locking out the rest.',
  fix: 'Generate a separate key per environment (`ssh-keygen -t ed25519 -C agent@staging`) and install each only where it belongs.',
});

const KEY_HINT = /(?:ssh-(?:rsa|dss|ed25519)|ecdsa-sha2-nistp\d+)[ \t]+AAAA/;

/** Where public keys are installed or sent: authorized_keys, `*.pub`, provisioning payloads and scripts. */
function isKeyFile(path: string): boolean {
  const name = baseName(path);
  return /^authorized_keys2?([._-][\w.-]+)?$/.test(name) || /\.pub$/.test(name);
}

/** cloud-init and Terraform files are read for reuse only: their own checks judge the keys in them. */
function isReuseOnly(path: string): boolean {
  return /\.(ya?ml|tf|tfvars)$/i.test(path) || /^(user-data|cloud-config)/.test(baseName(path));
}

export const sshKeysCheck: ConfigCheck = {
  name: 'ssh-keys',
  rules: [sshKeyWeak, sshKeyReused],
  applies(path, text) {
    if (isKeyFile(path)) return true;
    // Path tests first: the content test then runs only on the few files that can hold a payload.
    const json = /\.json$/i.test(path);
    if (!json && !isReuseOnly(path) && !isShellScript(path, text)) return false;
    if (!KEY_HINT.test(text)) return false;
    return !json || /"(ssh_)?public_key"/.test(text);
  },
  check(path, text, ctx) {
    const lines = new LineIndex(text);
    const keys = findPublicKeys(text);
    const out: Detection[] = [];
    if (!isReuseOnly(path)) {
      for (const key of keys) {
        const weak = keyWeakness(key);
        if (!weak) continue;
        // The key's comment (`alice@laptop`) tells the reader which key to replace.
        const comment = /^[ \t]+([^\s"'\\,}]+)/.exec(text.slice(key.index + key.length))?.[1];
        out.push(sshKeyWeak.at(spanOf(lines, key), { message: `${path} installs ${comment ? `${comment}'s key, ` : ''}an ${weak.message}`, severity: weak.severity, key: `weak ${key.type} ${key.blob}` }));
      }
    }
    out.push(...reuseFindings(path, keys, lines, ctx));
    return out;
  },
};

function reuseFindings(path: string, keys: PublicKey[], lines: LineIndex, ctx: ConfigContext): Detection[] {
  const env = environmentOf(path);
  if (!env) return [];
  const out: Detection[] = [];
  const index = keyOccurrences(ctx, (p) => isKeyFile(p) || /\.(json|sh|bash)$/i.test(p) || isReuseOnly(p));
  for (const key of keys) {
    const elsewhere = (index.get(key.blob) ?? []).filter((o) => o.environment && o.environment !== env);
    if (!elsewhere.length) continue;
    const envs = [...new Set(elsewhere.map((o) => o.environment))].join(', ');
    const related: Location[] = elsewhere.map((o) => ({ path: o.path, line: o.line, column: o.column, endLine: o.line, endColumn: o.column + key.type.length, message: `the same key, for ${o.environment}` }));
    out.push(
      sshKeyReused.at(spanOf(lines, key), {
        message: `This ${key.type} key (for ${env}) is also installed for ${envs}: ${elsewhere.map((o) => `${o.path}:${o.line}`).join(', ')}.`,
        key: `reused ${key.blob}`,
        related,
      }),
    );
  }
  return out;
}

function spanOf(lines: LineIndex, key: PublicKey) {
  const a = lines.position(key.index);
  const b = lines.position(key.index + key.type.length);
  return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
}
