/**
 * `Environment=` as systemd splits it: space-separated `NAME=value` words, where a word may be
 * quoted as a whole (`"NAME=two words"`) or in part (`NAME="two words"`).
 */
export interface Assignment {
  name: string;
  value: string;
  /** Offset of the word's first character in the directive's value. */
  offset: number;
}

export function splitEnvironment(value: string): Assignment[] {
  const out: Assignment[] = [];
  let i = 0;
  while (i < value.length) {
    if (/\s/.test(value[i])) {
      i++;
      continue;
    }
    const start = i;
    let word = '';
    while (i < value.length && !/\s/.test(value[i])) {
      const c = value[i];
      if (c === '"' || c === "'") {
        // Inside double quotes a backslash escapes the next character, a quote included.
        let j = i + 1;
        for (; j < value.length && value[j] !== c; j++) {
          if (c === '"' && value[j] === '\\' && j + 1 < value.length) word += value[++j];
          else word += value[j];
        }
        i = j + 1;
        continue;
      }
      if (c === '\\' && i + 1 < value.length) {
        word += value[i + 1];
        i += 2;
        continue;
      }
      word += c;
      i++;
    }
    const eq = word.indexOf('=');
    if (eq > 0) out.push({ name: word.slice(0, eq), value: word.slice(eq + 1), offset: start });
  }
  return out;
}
