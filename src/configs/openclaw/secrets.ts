import { isPlaceholder } from '../../secrets/placeholder.js';
import { isLiteralSecret } from '../shared/secret-values.js';
import type { Value } from './json5.js';
import type { Found } from './found.js';
import { exposed, gatewayPosture } from './gateway.js';
import { bool, get, itemsOf, memberOf, membersOf, secretForm, str, type SecretForm } from './model.js';
import { hooksPolicy, hooksTokenReuse, inlineSecret, placeholderSecret, redactOff, tokenTooShort } from './rules.js';

/** Keys of a channel (or channel account) that hold its credentials. */
const CHANNEL_SECRET_KEYS = ['botToken', 'appToken', 'appSecret', 'token', 'signingSecret', 'password', 'webhookSecret', 'apiKey', 'clientSecret'];
const MIN_TOKEN = 24;

/** Every key that holds a credential, with how it is filled. */
function secretSlots(root: Value | undefined): { name: string; form: SecretForm }[] {
  const slots: { name: string; form: SecretForm }[] = [];
  const add = (name: string, v: Value | undefined) => slots.push({ name, form: secretForm(v) });
  for (const k of ['token', 'password']) {
    add(`gateway.auth.${k}`, get(root, 'gateway', 'auth', k));
    add(`gateway.remote.${k}`, get(root, 'gateway', 'remote', k));
  }
  add('hooks.token', get(root, 'hooks', 'token'));
  for (const ch of membersOf(get(root, 'channels'))) {
    const scopes = [{ name: `channels.${ch.key}`, v: ch.value }, ...membersOf(get(ch.value, 'accounts')).map((a) => ({ name: `channels.${ch.key}.accounts.${a.key}`, v: a.value }))];
    for (const s of scopes) for (const k of CHANNEL_SECRET_KEYS) add(`${s.name}.${k}`, get(s.v, k));
  }
  for (const p of membersOf(get(root, 'models', 'providers'))) add(`models.providers.${p.key}.apiKey`, get(p.value, 'apiKey'));
  // env.vars.<KEY> (older: env.<KEY>) are literal environment values: judged like an env file.
  const env = get(root, 'env');
  for (const m of [...membersOf(get(env, 'vars')).map((m) => ({ ...m, key: `vars.${m.key}` })), ...membersOf(env).filter((m) => m.key !== 'vars' && m.value.kind === 'string')]) {
    const form = secretForm(m.value);
    const name = m.key.replace(/^vars\./, '');
    if (form.kind === 'literal' && isLiteralSecret(name, form.value)) slots.push({ name: `env.${m.key}`, form });
  }
  return slots;
}

export function checkSecrets(root: Value | undefined): Found[] {
  const out: Found[] = [];
  for (const { name, form } of secretSlots(root)) {
    if (form.kind !== 'literal' || !looksLikeCredential(name, form.value)) continue;
    out.push({ rule: inlineSecret, at: form.at, message: `${name} holds a literal secret in the config file.`, key: `inline ${name}`, secret: form.value });
    if (isPlaceholder(form.value)) out.push({ rule: placeholderSecret, at: form.at, message: `${name} is a documentation placeholder, not a secret.`, key: `placeholder ${name}`, secret: form.value });
  }

  const mode = str(get(root, 'gateway', 'auth', 'mode'));
  const gwToken = secretForm(get(root, 'gateway', 'auth', 'token'));
  if ((mode === undefined || mode === 'token') && gwToken.kind === 'literal' && gwToken.value.length < MIN_TOKEN) {
    out.push({ rule: tokenTooShort, at: gwToken.at, message: `gateway.auth.token is ${gwToken.value.length} characters long (under ${MIN_TOKEN}).`, key: 'gateway token short', secret: gwToken.value });
  }

  const hooks = get(root, 'hooks');
  const hooksOn = bool(get(hooks, 'enabled')) === true;
  const hooksToken = secretForm(get(hooks, 'token'));
  if (hooksOn && hooksToken.kind === 'literal' && hooksToken.value.length < MIN_TOKEN) {
    out.push({ rule: tokenTooShort, at: hooksToken.at, message: `hooks.token is ${hooksToken.value.length} characters long (under ${MIN_TOKEN}).`, key: 'hooks token short', secret: hooksToken.value });
  }
  for (const k of ['token', 'password']) {
    const gw = secretForm(get(root, 'gateway', 'auth', k));
    if (hooksToken.kind !== 'absent' && gw.kind === hooksToken.kind && sameSecret(gw, hooksToken)) {
      out.push({
        rule: hooksTokenReuse,
        at: hooksToken.at,
        message: `hooks.token is the same ${hooksToken.kind === 'literal' ? 'value' : `reference (${hooksToken.text})`} as gateway.auth.${k}.`,
        key: `hooks reuse ${k}`,
        ...(hooksToken.kind === 'literal' ? { secret: hooksToken.value } : {}),
        related: [{ at: gw.at, message: `gateway.auth.${k}` }],
      });
    }
  }
  if (hooksOn && hooks) out.push(...checkHooks(hooks, exposed(gatewayPosture(root))));

  const redact = get(root, 'logging', 'redactSensitive');
  if (redact && str(redact) === 'off') out.push({ rule: redactOff, at: redact.at, message: 'logging.redactSensitive is "off".', key: 'redact off' });
  return out;
}

const GATEWAY_SLOT = /^(?:gateway\.(?:auth|remote)\.(?:token|password)|hooks\.token)$/;
// The env-style name a key stands for, so the shared notion of a literal secret applies.
const AS_ENV_NAME: Record<string, string> = { apiKey: 'API_KEY', password: 'PASSWORD', clientSecret: 'CLIENT_SECRET', appSecret: 'APP_SECRET', signingSecret: 'SIGNING_SECRET', webhookSecret: 'WEBHOOK_SECRET' };

/**
 * Gateway and hooks secrets count whatever they look like: any literal there is the credential.
 * Elsewhere the docs write env var names (apiKey: "OLLAMA_API_KEY"), `env:NAME` references and
 * dummy keys for local models ("ollama-local", "lmstudio"): only values shaped like a credential count.
 */
function looksLikeCredential(slot: string, value: string): boolean {
  if (GATEWAY_SLOT.test(slot)) return true;
  if (/^env:[A-Za-z_][A-Za-z0-9_]*$/.test(value)) return false;
  const key = slot.slice(slot.lastIndexOf('.') + 1);
  const envName = slot.startsWith('env.') ? key : (AS_ENV_NAME[key] ?? 'TOKEN');
  return isLiteralSecret(envName, value);
}

function sameSecret(a: SecretForm, b: SecretForm): boolean {
  if (a.kind === 'literal' && b.kind === 'literal') return a.value === b.value;
  if (a.kind === 'reference' && b.kind === 'reference') return a.text === b.text;
  return false;
}

function checkHooks(hooks: Value, isExposed: boolean): Found[] {
  const out: Found[] = [];
  const exposedSev = isExposed ? 'critical' : 'medium';
  const path = get(hooks, 'path');
  if (path && str(path) === '/') out.push({ rule: hooksPolicy, at: path.at, severity: 'critical', message: 'hooks.path is "/", so hooks share the root of the gateway\'s HTTP surface.', key: 'hooks path root' });
  const dsk = get(hooks, 'defaultSessionKey');
  if (!str(dsk)?.trim()) out.push({ rule: hooksPolicy, at: dsk?.at ?? hooks.at, message: 'hooks are enabled without hooks.defaultSessionKey, so hook turns land in whatever session they name.', key: 'hooks default session key' });
  const ids = get(hooks, 'allowedAgentIds');
  const star = itemsOf(ids).find((i) => str(i) === '*');
  if (!ids || star) {
    out.push({ rule: hooksPolicy, at: star?.at ?? memberOf(hooks, 'enabled')?.keyAt ?? hooks.at, severity: exposedSev, message: `hooks.allowedAgentIds is ${star ? '"*"' : 'unset'}, so a hook may run any agent${isExposed ? ' of an exposed gateway' : ''}.`, key: 'hooks agent ids' });
  }
  const rsk = get(hooks, 'allowRequestSessionKey');
  if (rsk && bool(rsk) === true) {
    const prefixes = itemsOf(get(hooks, 'allowedSessionKeyPrefixes')).length > 0;
    out.push({
      rule: hooksPolicy,
      at: rsk.at,
      severity: prefixes ? 'medium' : exposedSev,
      message: `hooks.allowRequestSessionKey is true${prefixes ? '' : ' with no hooks.allowedSessionKeyPrefixes'}, so a request picks the session its turn joins${isExposed ? ' on an exposed gateway' : ''}.`,
      key: 'hooks request session key',
    });
  }
  return out;
}
