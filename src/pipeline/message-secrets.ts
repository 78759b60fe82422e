import type { KnownSecret } from '../model/redact.js';

/**
 * Config messages quote what they parsed, and not only from their own line (`missing ";" after
 * <the line before>`, `weaker values: ProtectSystem=full … at agent.service:4`): a secret
 * anywhere in the file can reach a message. Masking every secret of the file in every message
 * is secrets × findings; this finds the ones a message holds in time linear in its length,
 * by the secrets' first characters.
 */
const KEY = 6;

export class SecretIndex {
  private readonly byStart = new Map<string, KnownSecret[]>();
  private readonly short: KnownSecret[] = [];

  constructor(secrets: Iterable<KnownSecret>) {
    for (const s of secrets) {
      if (s.secret.length < KEY) {
        if (s.secret) this.short.push(s);
        continue;
      }
      const key = s.secret.slice(0, KEY);
      const list = this.byStart.get(key) ?? [];
      list.push(s);
      this.byStart.set(key, list);
    }
  }

  /** The secrets that occur in `text`. */
  within(text: string): KnownSecret[] {
    if (this.byStart.size === 0 && this.short.length === 0) return [];
    const out: KnownSecret[] = this.short.filter((s) => text.includes(s.secret));
    for (let i = 0; i + KEY <= text.length; i++) {
      const list = this.byStart.get(text.slice(i, i + KEY));
      if (list) for (const s of list) if (text.startsWith(s.secret, i)) out.push(s);
    }
    return out;
  }
}
