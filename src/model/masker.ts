import { writtenForms, type KnownSecret } from './redact.js';

/**
 * The secrets a text holds, found in time linear in the text whatever the number of secrets
 * indexed: masking every finding of a file with every secret of the file was findings x
 * secrets (a `.env` of 3,000 keys took 34 s). Each written form of a secret is indexed by its
 * first characters; a text is read once, looking up the characters at each position.
 */
const KEY = 6;

export class Masker {
  /** Forms by their first KEY characters (or the whole form when shorter), per key length. */
  private readonly byStart = new Map<number, Map<string, { form: string; secret: KnownSecret }[]>>();
  /** The longest form indexed: how far a secret cut by a snippet's clip can reach. */
  readonly longest: number = 0;

  constructor(secrets: Iterable<KnownSecret>) {
    const seen = new Set<string>();
    for (const secret of secrets) {
      for (const form of writtenForms(secret.secret)) {
        if (form.length === 0 || seen.has(form)) continue;
        seen.add(form);
        const length = Math.min(KEY, form.length);
        let byKey = this.byStart.get(length);
        if (!byKey) this.byStart.set(length, (byKey = new Map()));
        const key = form.slice(0, length);
        const list = byKey.get(key) ?? [];
        list.push({ form, secret });
        byKey.set(key, list);
        this.longest = Math.max(this.longest, form.length);
      }
    }
  }

  get empty(): boolean {
    return this.byStart.size === 0;
  }

  /** The secrets that occur in `text`, each once. */
  within(text: string): KnownSecret[] {
    if (this.empty) return [];
    const found = new Set<KnownSecret>();
    for (let i = 0; i < text.length; i++) {
      for (const [length, byKey] of this.byStart) {
        if (i + length > text.length) continue;
        const list = byKey.get(text.slice(i, i + length));
        if (list) for (const { form, secret } of list) if (text.startsWith(form, i)) found.add(secret);
      }
    }
    return [...found];
  }
}
