/** Seeded mutations of sample files for the fuzz test: every run with a seed makes the same files. */

export type Random = () => number;

/** mulberry32: small, fast, and the same in every Node version. */
export function random(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const int = (rnd: Random, n: number) => Math.floor(rnd() * n);
const pick = <T>(rnd: Random, list: readonly T[]): T => list[int(rnd, list.length)];

/** Characters that parsers treat specially, and the control characters a hostile file holds. */
const SPECIALS = ['[', ']', '{', '}', '"', "'", '\\', '&a', '*a', '<<: *a', ': ', '- ', '#', '=', '\n', '\r', '\t', '\0', '\x1b[2J', '\x07', '\u202e', '%', '$', '`', ';', '\ufeff', '\\x', '\\u12', '@', ':', '/', '..', 'Include ', '[Service]\n', '---\n'].map(
  // The text is bytes as latin1 code units: a character above U+00FF goes in as its UTF-8 bytes.
  (s) => Buffer.from(s, 'utf8').toString('latin1'),
);

/** One file's text (bytes as latin1 code units), mutated 1-4 times; sizes stay under ~100 KB, so the known super-linear shapes (bench's hostile table) do not decide the run time. */
export function mutate(text: string, rnd: Random): string {
  let t = text;
  for (let n = 1 + int(rnd, 4); n > 0; n--) {
    const at = int(rnd, t.length + 1);
    switch (int(rnd, 9)) {
      case 0: // flip bytes
        for (let k = 1 + int(rnd, 8); k > 0; k--) {
          const i = int(rnd, Math.max(1, t.length));
          t = t.slice(0, i) + String.fromCharCode(int(rnd, 256)) + t.slice(i + 1);
        }
        break;
      case 1: // insert specials
        t = t.slice(0, at) + Array.from({ length: 1 + int(rnd, 6) }, () => pick(rnd, SPECIALS)).join('') + t.slice(at);
        break;
      case 2: // delete a range
        t = t.slice(0, at) + t.slice(at + int(rnd, 200));
        break;
      case 3: {
        // repeat a line many times
        const lines = t.split('\n');
        const i = int(rnd, lines.length);
        lines.splice(i, 0, ...Array.from({ length: 10 + int(rnd, 200) }, () => lines[i]));
        t = lines.join('\n').slice(0, 100_000);
        break;
      }
      case 4: // deep nesting
        t = t.slice(0, at) + pick(rnd, ['[', '{', '- ', '  ', '(', '"', '${']).repeat(100 + int(rnd, 5_000)) + t.slice(at);
        break;
      case 5: // a long line
        t = t.slice(0, at) + pick(rnd, ['A', 'a=b ', '%41', 'x'.repeat(7) + ' ', '\\\\']).repeat(100 + int(rnd, 2_000)) + t.slice(at);
        break;
      case 6: // truncate
        t = t.slice(0, at);
        break;
      case 7: {
        // shuffle two lines
        const lines = t.split('\n');
        const i = int(rnd, lines.length);
        const j = int(rnd, lines.length);
        [lines[i], lines[j]] = [lines[j], lines[i]];
        t = lines.join('\n');
        break;
      }
      default: // CRLF line ends
        t = t.replace(/\n/g, '\r\n');
    }
  }
  return t;
}

/** Puts a secret on a random line, space-separated from what is around it, so a detector can see it. */
export function plant(text: string, secret: string, rnd: Random): string {
  const lines = text.split('\n');
  const i = int(rnd, lines.length + 1);
  const form = pick(rnd, [` ${secret} `, `K=${secret}`, `password: ${secret}`, `Environment=TOKEN=${secret}`, ` "${secret}" `]);
  if (i === lines.length || rnd() < 0.5) lines.splice(i, 0, form);
  else lines[i] = `${lines[i]} ${form}`;
  return lines.join('\n');
}

/** Sometimes UTF-16 with a BOM (LE or BE), the rest as the bytes they were. */
export function encode(text: string, rnd: Random): Buffer {
  const r = rnd();
  if (r < 0.08) return Buffer.from(`\ufeff${text}`, 'utf16le');
  if (r < 0.12) return Buffer.from(`\ufeff${text}`, 'utf16le').swap16();
  return Buffer.from(text, 'latin1');
}
