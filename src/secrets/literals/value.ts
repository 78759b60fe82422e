import { isCode, type Family } from './family.js';

/**
 * Whether the value of a `name = value` pair is one literal and the whole right-hand side, in
 * the language of its file: `password = "s3cr3t"` is, `password = module.params['password']`,
 * `token = "abc" + suffix`, `key = f"{prefix}abc"` and `pw = "$PW"` (shell) are not. It lexes
 * one line from the value's start, and runs only on the few pairs a keyword led to.
 *
 * `at` is where the value's text starts (just after its opening quote when `quoted`); `before`
 * is some text before `line` (up to a few kilobytes), to see a template block still open there.
 */
export function isLiteralAt(line: string, at: number, quoted: boolean, family: Family, before = ''): boolean {
  const start = quoted ? at - 1 : at;
  if (family === 'shell') return shellWord(line, start);
  if (isCode(family)) return codeString(line, start, family);
  const value = valueText(line, start, quoted);
  if ((family === 'yaml' || family === 'other') && insideTemplate(before + line.slice(0, start))) return false;
  // `name: 'Configure htpasswd (username: test, password: x)'`: prose inside a quoted scalar.
  if (family === 'yaml' && !quoted && insideQuotes(line.slice(0, start))) return false;
  switch (family) {
    case 'yaml':
      // Jinja (Ansible, Salt, Helm) is evaluated before the value is used; `*name` is an alias;
      // `hostvars[host]` is a Jinja subscript left bare in a multi-line block.
      return !/\{\{|\{%/.test(value) && !(!quoted && (/^[*!&]/.test(value) || SUBSCRIPT.test(value)));
    case 'ini':
      // ConfigParser's `%(name)s`, TOML/INI loaders' `${name}`, tox's `{env:NAME}` are references.
      return !/%\(|\$\{|\{env:/.test(value);
    case 'hcl':
      return quoted && codeString(line, start, family);
    case 'xml':
      return !/\$\{/.test(value);
    default:
      // A file of unknown language: a bare `name(` or `name[` is a call or a subscript.
      return quoted || !(SUBSCRIPT.test(value) || /^[A-Za-z_$][\w$.]*\(/.test(value));
  }
}

const SUBSCRIPT = /^[A-Za-z_$][\w$.]*\[[A-Za-z_'"]/;

/** Whether a quote opened in `text` (a YAML line up to a value) is still open at its end. */
function insideQuotes(text: string): boolean {
  let q = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q === '"' && c === '\\') i++;
    else if (q && c === q) q = '';
    else if (!q && (c === '"' || c === "'") && (i === 0 || /[\s:[{,]/.test(text[i - 1]))) q = c;
  }
  return q !== '';
}

/** Whether a Jinja/Go-template `{{ … }}` or `{% … %}` opened in `text` is still open at its end. */
function insideTemplate(text: string): boolean {
  return text.lastIndexOf('{{') > text.lastIndexOf('}}') || text.lastIndexOf('{%') > text.lastIndexOf('%}');
}

function valueText(line: string, start: number, quoted: boolean): string {
  if (!quoted) return /^[^\s#;,]*/.exec(line.slice(start))![0];
  const end = closingQuote(line, start, true);
  return line.slice(start + 1, end < 0 ? line.length : end);
}

/** Index of the quote closing the string opened at `start`, or -1 if it does not close on this line. */
function closingQuote(line: string, start: number, escapes: boolean): number {
  const q = line[start];
  for (let i = start + 1; i < line.length; i++) {
    if (escapes && line[i] === '\\') i++;
    else if (line[i] === q) return i;
  }
  return -1;
}

// What each language does inside a quoted string it interpolates.
const INTERPOLATES: Partial<Record<Family, Partial<Record<string, RegExp>>>> = {
  js: { '`': /\$\{/ },
  ruby: { '"': /#\{/, '`': /./ },
  php: { '"': /\$[A-Za-z_{]|\{\$/ },
  kotlin: { '"': /\$[A-Za-z_{]/ },
  hcl: { '"': /\$\{|%\{/ },
};

const QUOTES: Partial<Record<Family, string>> = { go: '"`', java: '"', kotlin: '"', csharp: '"', hcl: '"' };

function codeString(line: string, start: number, family: Family): boolean {
  const q = line[start];
  if (!(QUOTES[family] ?? `"'\``).includes(q)) return false;
  // Python's `''` opening a `'''` block, and Kotlin's and Java's text blocks, do not end on this line.
  if (line.startsWith(q.repeat(3), start)) return false;
  const end = closingQuote(line, start, !(family === 'go' && q === '`'));
  if (end < 0) return false;
  if (INTERPOLATES[family]?.[q]?.test(line.slice(start + 1, end))) return false;
  return endsExpression(line.slice(end + 1), family);
}

/**
 * After the literal, only what ends an expression may follow: a separator, a closing bracket,
 * a comment. Anything else (`+`, `%`, `.format(…)`, `[0]`, `if`, `or`, `?`) builds a new value.
 */
function endsExpression(rest: string, family: Family): boolean {
  const r = rest.trimStart();
  if (r === '' || /^[,;)\]}]/.test(r)) return true;
  if (/^(?:\/\/|\/\*)/.test(r)) return family !== 'python' && family !== 'ruby';
  if (r.startsWith('#')) return family === 'python' || family === 'ruby' || family === 'php' || family === 'hcl';
  return false;
}

/**
 * A shell word: unquoted runs, '…' and "…" glued together. A `$` or backquote outside single
 * quotes expands (a variable, `$(…)`, arithmetic), so the value is not what is written.
 */
function shellWord(line: string, start: number): boolean {
  let i = start;
  let any = false;
  while (i < line.length) {
    const c = line[i];
    if (/[\s;&|()<>]/.test(c)) break;
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) return false;
      i = end + 1;
    } else if (c === '"') {
      const end = closingQuote(line, i, true);
      if (end < 0 || /\$|`/.test(line.slice(i + 1, end))) return false;
      i = end + 1;
    } else if (c === '$' || c === '`') {
      return false;
    } else {
      i += c === '\\' ? 2 : 1;
    }
    any = true;
  }
  return any;
}
