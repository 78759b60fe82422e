import { Masker } from '../../src/model/masker.js';
import type { KnownSecret } from '../../src/model/redact.js';

const known = (...values: string[]): KnownSecret[] => values.map((secret) => ({ secret }) as KnownSecret);
/** Forms that never occur in the texts below: with them a masker has too many forms to search one by one. */
const filler = Array.from({ length: 9 }, (_, i) => `QQ${i}QQ`);
const both = (secrets: string[]) => [new Masker(known(...secrets)), new Masker(known(...secrets, ...filler))];
const names = (found: KnownSecret[]) => found.map((s) => s.secret).sort();

test('finds every secret in a text once, overlapping, nested and sharing prefixes', () => {
  for (const m of both(['abcdef', 'bcd', 'cdefgh', 'abcxyz', 'zzz'])) {
    expect(names(m.within('xxabcdefghxx'))).toEqual(['abcdef', 'bcd', 'cdefgh']);
    expect(names(m.within('abcxyz abcdef abcdef'))).toEqual(['abcdef', 'abcxyz', 'bcd']);
    expect(names(m.within('abcde'))).toEqual(['bcd']);
    expect(names(m.within('zzzz'))).toEqual(['zzz']);
    expect(m.within('nothing here')).toEqual([]);
  }
  expect(new Masker([]).within('abc')).toEqual([]);
  expect(new Masker([]).empty).toBe(true);
});

test('a secret is found in the forms it is written in (quoted, escaped)', () => {
  for (const m of both(['pa"ss\nword'])) {
    expect(names(m.within('x = "pa\\"ss\\nword"'))).toEqual(['pa"ss\nword']);
    expect(m.longest).toBeGreaterThanOrEqual('pa"ss\nword'.length);
  }
});

test('agrees with a plain search on random texts and secrets', () => {
  let seed = 7;
  const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
  const word = (len: number) => Array.from({ length: len }, () => 'ab'[rand(2)]).join('');
  for (let round = 0; round < 200; round++) {
    const secrets = Array.from({ length: 1 + rand(20) }, () => word(1 + rand(5)));
    const text = word(rand(40));
    const m = new Masker(known(...secrets));
    const expected = [...new Set(secrets.filter((s) => text.includes(s)))].sort();
    // Each secret once, however often it occurs and however many of them overlap; twice, as
    // nothing of one text may stay behind for the next.
    expect(names(m.within(text))).toEqual(expected);
    expect(names(m.within(text))).toEqual(expected);
  }
});
