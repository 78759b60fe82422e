import { LineIndex } from '../../model/line-index.js';
/**
 * Template files (Jinja/Ansible `*.j2`, ERB, Go templates and Helm charts) read as the config
 * they render to. Tags are masked in place, so every line and column stays where it was: an
 * output tag (`{{ x }}`, `<%= x %>`) becomes a `<xxx>` placeholder of the same length (a value
 * nobody can judge), a control tag (`{% if %}`, `<% end %>`, `{{ range }}`) and a comment
 * become spaces. Lines between an opening and a closing control tag may or may not be
 * rendered, so they are reported as uncertain: a check's finding there is not certain.
 */
export type TemplateKind = 'jinja' | 'erb' | 'go';

export interface MaskedTemplate {
  kind: TemplateKind;
  /** The rendered file's likely path: the template's with `.j2`, `.erb`, `.tmpl`… taken off. */
  renders: string;
  /** The text with every tag masked, same length and line breaks as the template. */
  text: string;
  /** 1-based lines inside a conditional or a loop (or holding its tags). */
  uncertain: ReadonlySet<number>;
  /** 1-based lines holding an output tag: what they render is unknown, even their syntax. */
  rendered: ReadonlySet<number>;
}

const EXTENSIONS: readonly [RegExp, TemplateKind][] = [
  [/\.(j2|jinja2?)$/i, 'jinja'],
  [/\.erb$/i, 'erb'],
  [/\.(tmpl|tpl|gotmpl)$/i, 'go'],
];

/** The template language of a file, by its name, or for Helm by its chart folder and tags. */
export function templateKind(path: string, text: string): TemplateKind | undefined {
  for (const [re, kind] of EXTENSIONS) if (re.test(path)) return kind;
  if (/(^|\/)templates\/[^/]+\.ya?ml$/i.test(path) && text.includes('{{')) return 'go';
  // Ansible roles keep templates in templates/ under their final name (`templates/sshd_config`).
  if (/(^|\/)templates\//.test(path) && /\{%-?\s*(if|for)\b/.test(text)) return 'jinja';
  return undefined;
}

export function renderedPath(path: string): string {
  for (const [re] of EXTENSIONS) if (re.test(path)) return path.replace(re, '');
  return path;
}

interface Tag {
  start: number;
  end: number;
  output: boolean;
  /** +1 opens a block, -1 closes one, 0 neither. */
  nesting: -1 | 0 | 1;
}

export function maskTemplate(path: string, text: string, kind: TemplateKind): MaskedTemplate {
  const tags = kind === 'erb' ? erbTags(text) : kind === 'go' ? goTags(text) : jinjaTags(text);
  const chars = text.split('');
  const lines = new LineIndex(text);
  const lineOf = (offset: number): number => lines.position(offset).line;
  const uncertain = new Set<number>();
  const rendered = new Set<number>();
  let depth = 0;
  let openedAt = 0;
  for (const tag of tags) {
    for (let i = tag.start; i < tag.end; i++) if (chars[i] !== '\n') chars[i] = ' ';
    if (tag.output) for (let l = lineOf(tag.start); l <= lineOf(tag.end - 1); l++) rendered.add(l);
    if (tag.output && !text.slice(tag.start, tag.end).includes('\n')) {
      chars[tag.start] = '<';
      for (let i = tag.start + 1; i < tag.end - 1; i++) chars[i] = 'x';
      chars[tag.end - 1] = '>';
    }
    if (tag.nesting === 1) {
      if (depth === 0) openedAt = lineOf(tag.start);
      depth++;
    } else if (tag.nesting === -1 && depth > 0) {
      depth--;
      if (depth === 0) for (let l = openedAt; l <= lineOf(tag.end); l++) uncertain.add(l);
    }
  }
  // An unclosed block runs to the end of the file.
  if (depth > 0) for (let l = openedAt; l <= lines.lineCount; l++) uncertain.add(l);
  return { kind, renders: renderedPath(path), text: chars.join(''), uncertain, rendered };
}

/** Tags between `open` and `close`, skipping quoted strings inside them (`'}}'` in a filter). */
function scanTags(text: string, open: string, close: string, classify: (body: string) => Omit<Tag, 'start' | 'end'>): Tag[] {
  const out: Tag[] = [];
  let i = text.indexOf(open);
  while (i >= 0) {
    let j = i + open.length;
    let quote = '';
    while (j < text.length) {
      const c = text[j];
      if (quote) {
        if (c === '\\') j++;
        else if (c === quote) quote = '';
      } else if (c === '"' || c === "'") quote = c;
      else if (text.startsWith(close, j)) break;
      j++;
    }
    const end = Math.min(text.length, j + close.length);
    out.push({ start: i, end, ...classify(text.slice(i + open.length, j)) });
    i = text.indexOf(open, end);
  }
  return out;
}

const JINJA_OPEN = /^(if|for|macro|call|filter|block|with|raw|autoescape)\b/;
const JINJA_CLOSE = /^end(if|for|macro|call|filter|block|with|raw|autoescape|set)\b/;

function jinjaTags(text: string): Tag[] {
  const stmts = scanTags(text, '{%', '%}', (body) => {
    const word = body.replace(/^[-+]?\s*/, '');
    // `{% set x %}…{% endset %}` is a block; `{% set x = 1 %}` is not.
    // Each part takes characters the next cannot: where two could share a run of blanks
    // (`\s+[\w, ]+\s*`), a long run was tried in every split.
    const blockSet = /^set\s+[\w,][\w, ]*[-+]?$/.test(word.trim());
    return { output: false, nesting: JINJA_OPEN.test(word) || blockSet ? 1 : JINJA_CLOSE.test(word) ? -1 : 0 };
  });
  const outputs = scanTags(text, '{{', '}}', () => ({ output: true, nesting: 0 }));
  const comments = scanTags(text, '{#', '#}', () => ({ output: false, nesting: 0 }));
  return [...stmts, ...outputs, ...comments].sort((a, b) => a.start - b.start).filter(notInside());
}

const GO_OPEN = /^(if|range|with|define|block)\b/;

function goTags(text: string): Tag[] {
  return scanTags(text, '{{', '}}', (body) => {
    const word = body.replace(/^-?\s*/, '');
    if (word.startsWith('/*')) return { output: false, nesting: 0 };
    if (GO_OPEN.test(word)) return { output: false, nesting: 1 };
    if (/^end\b/.test(word)) return { output: false, nesting: -1 };
    if (/^(else|\$?[\w.]+\s*:?=)/.test(word)) return { output: false, nesting: 0 };
    return { output: true, nesting: 0 };
  });
}

function erbTags(text: string): Tag[] {
  return scanTags(text, '<%', '%>', (body) => {
    if (body.startsWith('=') || body.startsWith('-=')) return { output: true, nesting: 0 };
    const code = stripTrailingDash(body.replace(/^[-#]?\s*/, ''));
    if (body.startsWith('#')) return { output: false, nesting: 0 };
    if (/^end\b/.test(code)) return { output: false, nesting: -1 };
    if (/^(if|unless|while|until|case|for)\b/.test(code) || /\bdo(\s*\|[^|]*\|)?$/.test(code)) return { output: false, nesting: 1 };
    return { output: false, nesting: 0 };
  });
}

/** Drops tags found inside an earlier tag (a `{{` within a `{% %}` string). */
function notInside(): (t: Tag) => boolean {
  let end = -1;
  return (t) => {
    if (t.start < end) return false;
    end = t.end;
    return true;
  };
}

/** `code -` to `code`: by hand, as `/\s*-?$/` tries every blank of a long run against the end. */
function stripTrailingDash(code: string): string {
  const trimmed = code.trimEnd();
  return (trimmed.endsWith('-') ? trimmed.slice(0, -1) : trimmed).trimEnd();
}
