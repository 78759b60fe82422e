import { writtenForms, type KnownSecret } from './redact.js';

/**
 * The secrets a text holds, found in one pass over the text whatever the secrets are: an
 * Aho-Corasick automaton over every written form of every secret. The index before this one
 * looked forms up by their first six characters, so forms sharing a prefix shared a bucket that
 * was tried in full at each place the prefix occurred: 2,000 distinct JWTs in one `.env` (all
 * start `eyJhbGciOi…`) took 1.6 s, 8,000 about 26 s. Here each character costs one walk of the
 * failure links, amortised constant, and each match is reported once per text.
 *
 * The trie is kept in typed arrays (a node per character of the forms, 22 bytes each). A masker
 * is also built for every line that holds a finding, nearly always of one to three forms: so few
 * are searched for one by one, which costs less than building arrays for them.
 */
const ROOT = 0;
const NONE = -1;
/** Up to this many forms, `includes` per form (at most this many passes over a text). */
const FEW = 8;

export class Masker {
  /** The longest form indexed: how far a secret cut by a snippet's clip can reach. */
  readonly longest: number = 0;
  private readonly secrets: KnownSecret[] = [];
  private readonly rootChildren = new Map<number, number>();
  private readonly char: Uint16Array;
  private readonly firstChild: Int32Array;
  private readonly nextSibling: Int32Array;
  private readonly fail: Int32Array;
  /** Index into `secrets` of the form ending at a node, or NONE. */
  private readonly out: Int32Array;
  /** The nearest node down the failure chain whose `out` is set, or NONE. */
  private readonly dict: Int32Array;
  /** The forms themselves when there are FEW or fewer; the automaton is then left empty. */
  private readonly few: { form: string; secret: number }[] | undefined;
  private nodes = 1;

  constructor(known: Iterable<KnownSecret>) {
    const forms: { form: string; secret: number }[] = [];
    const seen = new Set<string>();
    let total = 1;
    for (const secret of known) {
      for (const form of writtenForms(secret.secret)) {
        if (form.length === 0 || seen.has(form)) continue;
        seen.add(form);
        forms.push({ form, secret: this.secrets.length });
        total += form.length;
        this.longest = Math.max(this.longest, form.length);
      }
      this.secrets.push(secret);
    }
    this.few = forms.length <= FEW ? forms : undefined;
    if (this.few) total = 1;
    this.char = new Uint16Array(total);
    this.firstChild = new Int32Array(total).fill(NONE);
    this.nextSibling = new Int32Array(total).fill(NONE);
    this.fail = new Int32Array(total);
    this.out = new Int32Array(total).fill(NONE);
    this.dict = new Int32Array(total).fill(NONE);
    if (this.few) return;
    for (const { form, secret } of forms) this.insert(form, secret);
    this.link();
  }

  get empty(): boolean {
    return this.few ? this.few.length === 0 : this.nodes === 1;
  }

  /** The secrets that occur in `text`, each once. */
  within(text: string): KnownSecret[] {
    if (this.few) return [...new Set(this.few.filter(({ form }) => text.includes(form)).map(({ secret }) => this.secrets[secret]))];
    if (this.empty) return [];
    const found = new Set<KnownSecret>();
    // Nodes whose dictionary chain this text has walked: a chain is walked once, however often it matches.
    const walked = new Set<number>();
    let state = ROOT;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      let next = this.child(state, c);
      while (next === NONE && state !== ROOT) {
        state = this.fail[state];
        next = this.child(state, c);
      }
      state = next === NONE ? ROOT : next;
      for (let n = this.out[state] === NONE ? this.dict[state] : state; n !== NONE && !walked.has(n); n = this.dict[n]) {
        walked.add(n);
        found.add(this.secrets[this.out[n]]);
      }
    }
    return [...found];
  }

  private child(node: number, c: number): number {
    if (node === ROOT) return this.rootChildren.get(c) ?? NONE;
    for (let n = this.firstChild[node]; n !== NONE; n = this.nextSibling[n]) if (this.char[n] === c) return n;
    return NONE;
  }

  private insert(form: string, secret: number): void {
    let node = ROOT;
    for (let i = 0; i < form.length; i++) {
      const c = form.charCodeAt(i);
      let next = this.child(node, c);
      if (next === NONE) {
        next = this.nodes++;
        this.char[next] = c;
        if (node === ROOT) this.rootChildren.set(c, next);
        else {
          this.nextSibling[next] = this.firstChild[node];
          this.firstChild[node] = next;
        }
      }
      node = next;
    }
    if (this.out[node] === NONE) this.out[node] = secret;
  }

  /** Failure and dictionary links, breadth first so a node's links are set before its children's. */
  private link(): void {
    const queue = new Int32Array(this.nodes);
    let head = 0;
    let tail = 0;
    for (const n of this.rootChildren.values()) {
      this.fail[n] = ROOT;
      queue[tail++] = n;
    }
    while (head < tail) {
      const node = queue[head++];
      for (let n = this.firstChild[node]; n !== NONE; n = this.nextSibling[n]) {
        let f = this.fail[node];
        let target = this.child(f, this.char[n]);
        while (target === NONE && f !== ROOT) {
          f = this.fail[f];
          target = this.child(f, this.char[n]);
        }
        this.fail[n] = target === NONE ? ROOT : target;
        const via = this.fail[n];
        this.dict[n] = this.out[via] !== NONE ? via : this.dict[via];
        queue[tail++] = n;
      }
    }
  }
}
