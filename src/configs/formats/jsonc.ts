/**
 * JSON as Azure Resource Manager reads a template (JSON.NET): `//` and `/* *\/` comments and a
 * comma before `}` or `]` are accepted. They are blanked with spaces, newlines kept, so every
 * offset of the result is the offset in the file and a strict JSON reader can take it.
 */
export function blankJsoncExtras(text: string): string {
  const out = text.split('');
  const blank = (from: number, to: number) => {
    for (let i = from; i < to; i++) if (out[i] !== '\n' && out[i] !== '\r') out[i] = ' ';
  };
  let lastComma = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"' && text[i] !== '\n'; i++) if (text[i] === '\\') i++;
      lastComma = -1;
    } else if (c === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i);
      blank(i, end < 0 ? text.length : end);
      i = end < 0 ? text.length : end;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      blank(i, end < 0 ? text.length : end + 2);
      i = end < 0 ? text.length : end + 1;
    } else if (c === ',') {
      lastComma = i;
    } else if ((c === '}' || c === ']') && lastComma >= 0) {
      out[lastComma] = ' ';
      lastComma = -1;
    } else if (!/\s/.test(c)) {
      lastComma = -1;
    }
  }
  return out.join('');
}

/** An ARM template (or a file of its NSG rules), which Azure reads with comments allowed. */
export function isArmTemplate(path: string, text: string): boolean {
  return /\/deploymentTemplate\.json#/.test(text) || /(^|\/)azuredeploy[^/]*\.json$/i.test(path);
}
