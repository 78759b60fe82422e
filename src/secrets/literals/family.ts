/**
 * The language a file is written in, as far as literals go: what a quoted string looks like,
 * which strings interpolate, and whether a bare word is a value or an expression. Chosen by the
 * file's name (and, for a script with no extension, its `#!` line), never by reading the file.
 */
export const FAMILIES = ['python', 'js', 'go', 'ruby', 'php', 'java', 'kotlin', 'csharp', 'shell', 'yaml', 'ini', 'hcl', 'xml', 'json', 'other'] as const;
export type Family = (typeof FAMILIES)[number];

const BY_EXTENSION: Record<string, Family> = {
  py: 'python', pyi: 'python', pyw: 'python',
  js: 'js', mjs: 'js', cjs: 'js', jsx: 'js', ts: 'js', mts: 'js', cts: 'js', tsx: 'js', vue: 'js', svelte: 'js',
  go: 'go',
  rb: 'ruby', rake: 'ruby', gemspec: 'ruby', ru: 'ruby',
  php: 'php', phtml: 'php',
  java: 'java', scala: 'java',
  kt: 'kotlin', kts: 'kotlin', groovy: 'kotlin', gradle: 'kotlin',
  cs: 'csharp',
  sh: 'shell', bash: 'shell', zsh: 'shell', ksh: 'shell', env: 'shell',
  yml: 'yaml', yaml: 'yaml',
  ini: 'ini', cfg: 'ini', cnf: 'ini', conf: 'ini', properties: 'ini', toml: 'ini', pypirc: 'ini', npmrc: 'ini',
  tf: 'hcl', tfvars: 'hcl', hcl: 'hcl', nomad: 'hcl',
  xml: 'xml', config: 'xml', csproj: 'xml', plist: 'xml',
  json: 'json', jsonc: 'json', json5: 'json',
};

const SHEBANG: [RegExp, Family][] = [
  [/python/, 'python'],
  [/\b(?:ba|z|k|da)?sh\b/, 'shell'],
  [/\bnode\b|\bdeno\b|\bbun\b/, 'js'],
  [/\bruby\b/, 'ruby'],
  [/\bphp\b/, 'php'],
];

/** `text` is read only for a `#!` line of a file with no extension. */
export function familyOf(path: string, text = ''): Family {
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  if (name.startsWith('.env') || name === '.profile' || name === '.bashrc' || name === '.zshrc') return 'shell';
  if (name === '.pypirc' || name === '.npmrc' || name === '.my.cnf' || name === '.s3cfg' || name === '.gitconfig') return 'ini';
  const dot = name.lastIndexOf('.');
  if (dot > 0) return BY_EXTENSION[name.slice(dot + 1)] ?? 'other';
  if (text.startsWith('#!')) {
    const first = text.slice(0, Math.min(text.length, 120)).split('\n', 1)[0];
    for (const [re, family] of SHEBANG) if (re.test(first)) return family;
  }
  return 'other';
}

/** Families where a value outside quotes is code (a name, a call), never a literal. */
export function isCode(family: Family): boolean {
  return family === 'python' || family === 'js' || family === 'go' || family === 'ruby' || family === 'php' || family === 'java' || family === 'kotlin' || family === 'csharp';
}
