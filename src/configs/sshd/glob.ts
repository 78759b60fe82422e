/**
 * Include patterns matched as sshd's glob(3) does: `*`, `?` and `[...]` within one path
 * segment, a backslash escaping the next character. A general glob library compiled a hostile
 * pattern (`ss` and 30 backslashes) for minutes; this one reads a pattern once into tokens and
 * matches a segment in at most tokens x characters (the greedy walk, backing up only to the
 * last `*`).
 */
type Token = { star: true } | { star: false; test: (c: string) => boolean };

export function globMatches(paths: readonly string[], pattern: string): string[] {
  const parts = pattern.split('/').map(tokensOf);
  return paths.filter((p) => matchesPath(parts, p)).sort();
}

function matchesPath(parts: readonly Token[][], path: string): boolean {
  const segments = path.split('/');
  return segments.length === parts.length && parts.every((part, i) => matchesSegment(part, segments[i]));
}

function matchesSegment(p: readonly Token[], s: string): boolean {
  let pi = 0;
  let si = 0;
  let starP = -1;
  let starS = 0;
  while (si < s.length) {
    const t = p[pi];
    if (t?.star) {
      starP = ++pi;
      starS = si;
    } else if (t && t.test(s[si])) {
      pi++;
      si++;
    } else if (starP >= 0) {
      pi = starP;
      si = ++starS;
    } else return false;
  }
  while (p[pi]?.star) pi++;
  return pi === p.length;
}

function tokensOf(part: string): Token[] {
  const tokens: Token[] = [];
  // Where the next `]` is, found once from the end, so an unclosed `[` costs nothing to test.
  const nextClose: number[] = new Array<number>(part.length + 1).fill(-1);
  for (let i = part.length - 1; i >= 0; i--) nextClose[i] = part[i] === ']' ? i : nextClose[i + 1];
  for (let i = 0; i < part.length; i++) {
    const ch = part[i];
    if (ch === '*') tokens.push({ star: true });
    else if (ch === '?') tokens.push({ star: false, test: () => true });
    else if (ch === '\\' && i + 1 < part.length) {
      const lit = part[++i];
      tokens.push({ star: false, test: (c) => c === lit });
    } else if (ch === '[') {
      let from = i + 1;
      const negated = part[from] === '!' || part[from] === '^';
      if (negated) from++;
      // A `]` right after the opening is a member, not the end.
      const end = nextClose[Math.min(part.length, from + 1)];
      if (end < 0) {
        tokens.push({ star: false, test: (c) => c === '[' });
        continue;
      }
      const members = part.slice(from, end);
      tokens.push({ star: false, test: (c) => inClass(members, c) !== negated });
      i = end;
    } else tokens.push({ star: false, test: (c) => c === ch });
  }
  return tokens;
}

function inClass(members: string, c: string): boolean {
  for (let i = 0; i < members.length; i++) {
    if (i + 2 < members.length && members[i + 1] === '-') {
      if (members[i] <= c && c <= members[i + 2]) return true;
      i += 2;
    } else if (members[i] === c) return true;
  }
  return false;
}
