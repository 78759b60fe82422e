import { KeywordMatcher } from '../../src/secrets/keywords.js';
import { expandSample } from '../../src/secrets/samples.js';

/** The fast matcher must find exactly what a naive case-insensitive search finds. */
function naive(keywords: string[], text: string): [number, string][] {
  const lower = text.toLowerCase();
  const out: [number, string][] = [];
  for (let i = 0; i < text.length; i++) {
    let best = '';
    for (const k of keywords) if (lower.startsWith(k.toLowerCase(), i) && k.length > best.length) best = k;
    if (best) out.push([i, best]);
  }
  return out;
}

function fast(keywords: string[], text: string): [number, string][] {
  const out: [number, string][] = [];
  const matcher = new KeywordMatcher(keywords);
  matcher.scan(text, (at, k) => out.push([at, keywords[k]]));
  // ASCII texts also go through the byte path, which must agree.
  if (/^[\x00-\x7f]*$/.test(text)) {
    const bytes: [number, string][] = [];
    matcher.scanAscii(Buffer.from(text, 'latin1'), (at, k) => bytes.push([at, keywords[k]]));
    expect(bytes).toEqual(out);
  }
  return out;
}

const KEYWORDS = ['sk-', 'sk-ant-', 'sk-proj-', ':AA', 'key', 'api_key', 'token', 'ghp_', 'xoxb-', 'ab', 'passw', 'KEYS', '://'];

test.each([
  'API_KEY=sk-ant-abc sk-proj-x ghp_1 xoxb-2 TOKEN',
  'sk-sk-ant-sk-proj-',
  'a\nb\nab\nAB\naB',
  'keykeykey apikey api_key API_KEY Keys',
  'héllo wörld key ключ token 🔑 sk-ant-ü',
  'xx:AAyy postgres://u:p@h',
  'k',
  '',
])('%j', (text) => {
  expect(fast(KEYWORDS, text)).toEqual(naive(KEYWORDS, text));
});

test('random texts built from keyword fragments', () => {
  for (let n = 0; n < 200; n++) {
    const raw = expandSample('{{token:200}}', `kw${n}`);
    // Splice in keyword fragments so hits and near misses are dense.
    const text = raw.replace(/[A-F]/g, (c) => ['sk-', 'key', ':AA', 'api_', 'ab', 'Tok', 'en', '://', '\u00e9'][c.charCodeAt(0) % 9]);
    expect(fast(KEYWORDS, text)).toEqual(naive(KEYWORDS, text));
  }
});

test('keywords must be printable ASCII of 2+ characters', () => {
  expect(() => new KeywordMatcher(['ключ'])).toThrow(/printable ASCII/);
  expect(() => new KeywordMatcher(['k'])).toThrow(/printable ASCII/);
});
