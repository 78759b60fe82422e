/**
 * Reads `name = value` pairs the way config formats and code write them, so generic rules
 * judge a value by the name it is assigned to instead of by a list of stop-words:
 *
 *   KEY=value  export KEY="value"  KEY: value  "key": "value"  key = 'value'  ENV KEY value
 *   apiKey: "value"  client(api_key="value")  headers["X-Api-Key"] = "value"  key := "value"
 *   KEY ?= value (make)  $api_key = 'value' (PHP, PowerShell)
 *   val apiKey: String = "value"  private readonly apiKey: string = 'value'  const KEY: &str = "value"
 *
 * Two regexes per line find the candidates (typed declarations need their own, or a YAML
 * `cmd: KEY=value` would read as a type); quoting decides where a value ends.
 */
export interface Assignment {
  key: string;
  value: string;
  /** Offset of the value in the text given. */
  valueStart: number;
  quoted: boolean;
}

// A key (optionally quoted, in brackets, a `$variable` or a Ruby `:symbol`), an operator, then
// the start of the value.
const PAIR =
  /(?:^|[\s,;({[])(?:export\s+|ENV\s+|ARG\s+|set\s+|const\s+|let\s+|var\s+|final\s+|private\s+|public\s+|static\s+|readonly\s+)*(?:\$|:(?=[A-Za-z_]))?\[?(["'`]?)([A-Za-z_][A-Za-z0-9_.-]{0,80})\1\]?\s*(?::=|\?=|=>|==?|:|\s(?=["']))\s*/g;

// A declaration with a type between name and value (Kotlin, TypeScript, Swift, Rust, Scala):
// only after a declaration keyword, so YAML's `key: value` is never taken for a type.
const TYPED =
  /(?:^|[\s,;({[])(?:(?:export|const|let|var|val|final|private|protected|public|static|readonly|internal|lateinit|pub)\s+)+\$?([A-Za-z_][A-Za-z0-9_]{0,80})[ \t]*:[ \t]*[A-Za-z_&][\w.<>[\]?|&' ]{0,40}?[ \t]*=(?![=>])[ \t]*/g;

/** The two line patterns, for the test that runs every regex the engine runs on adversarial input. */
export const ASSIGNMENT_PATTERNS: readonly RegExp[] = [PAIR, TYPED];

export function findAssignments(line: string, allowUnquoted: boolean): Assignment[] {
  const out: Assignment[] = [];
  for (const [re, keyGroup] of [[PAIR, 2], [TYPED, 1]] as const) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(line)) !== null) {
      const at = m.index + m[0].length;
      const value = readValue(line, at, allowUnquoted);
      if (value && !out.some((a) => a.valueStart === value.valueStart)) out.push({ key: m[keyGroup], ...value });
      if (re.lastIndex <= m.index) re.lastIndex = m.index + 1;
    }
  }
  return out;
}

function readValue(line: string, at: number, allowUnquoted: boolean): Omit<Assignment, 'key'> | undefined {
  const q = line[at];
  if (q === '"' || q === "'" || q === '`') {
    let i = at + 1;
    while (i < line.length && line[i] !== q) i += line[i] === '\\' ? 2 : 1;
    if (i >= line.length) return undefined;
    return { value: line.slice(at + 1, i), valueStart: at + 1, quoted: true };
  }
  if (!allowUnquoted) return undefined;
  // Unquoted: up to whitespace, a comment, or a separator that ends a value in these formats.
  const m = /^[^\s#;,'"`)}\]]+/.exec(line.slice(at));
  // `request.form[…]`, `self.password`, `getenv(…)`: an expression, not a literal.
  if (!m || /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)+[[(]?$|[[(]$/.test(m[0])) return undefined;
  return { value: m[0], valueStart: at, quoted: false };
}

/** `apiKey`, `api-key`, `API_KEY` and `api.key` all read as `api_key`. */
export function normalizeKey(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[.-]/g, '_')
    .toLowerCase();
}

const compact = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * Whether a pair's value is the name it is stored under, in another spelling
 * (`"change_root_password": "changeRootPassword"`) or as the key's tail: aws-sdk-go's
 * `opAdminResetUserPassword = "AdminResetUserPassword"` and enum constants such as
 * `FindingTypeSensitiveDataS3objectCredentials = "SensitiveData:S3Object/Credentials"`. A tail
 * counts only when it names a credential itself, so `db_hunter2_password = "hunter2"` stays.
 */
export function namesItself(key: string, value: string): boolean {
  const k = compact(key);
  const v = compact(value);
  if (v === k) return v.length > 0;
  return v.length >= 8 && k.endsWith(v) && /(?:pass(?:word)?|secret|credentials?|token|key)$/.test(v);
}

/** File kinds whose unquoted values are literal strings (in code an unquoted value is an expression). */
export function unquotedIsLiteral(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  if (!name.includes('.') || name.startsWith('.env') || name.endsWith('.env')) return true;
  return /\.(ya?ml|toml|ini|cfg|cnf|conf|properties|npmrc|env|service|txt)$|^dockerfile|\.dockerfile$|^\.?npmrc$|^\.pypirc$/.test(name);
}
