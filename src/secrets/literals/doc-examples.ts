import { familyOf } from './family.js';

/**
 * Lines that are documentation examples inside a file: Python docstrings and the
 * `EXAMPLES = r'''…'''` blocks Ansible modules document themselves with, Markdown code
 * fences, reStructuredText code blocks, code indented inside Ruby and Go doc comments, and
 * `/** … *\/` doc blocks. A value there shows how to write a setting, like an example file
 * does. Read only for a file that already has a finding, so the lexing here never runs on the
 * hot path.
 */
export interface DocExample {
  from: number;
  to: number;
  /** Why, in words for the message ("in a Python docstring"). */
  reason: string;
}

// The module-level strings Ansible (and Python tools that copy it) document a module with.
const DOC_NAMES = /^(?:EXAMPLES?|DOCUMENTATION|RETURN|USAGE|__doc__)$/;

export function docExamples(text: string, path: string): DocExample[] {
  if (/\.(?:md|mdx|markdown)$/i.test(path)) return markdownFences(text);
  if (/\.rst$/i.test(path)) return rstCodeBlocks(text);
  const family = familyOf(path, text);
  if (family === 'python') return pythonDocStrings(text);
  if (family === 'ruby') return indentedCommentCode(text, '#', 'in a code example of a Ruby doc comment');
  if (family === 'go') return indentedCommentCode(text, '//', 'in a code example of a Go doc comment');
  if (family === 'php' || family === 'js' || family === 'java' || family === 'kotlin' || family === 'csharp') return docBlocks(text);
  return [];
}

/**
 * RDoc and Go doc comments show code indented past the comment's text (`#   user.password =
 * '<demo password>'` in activemodel's secure_password.rb). A line commented out is not indented
 * so (`# password = '…'`), and stays as it is.
 */
function indentedCommentCode(text: string, marker: string, reason: string): DocExample[] {
  const out: DocExample[] = [];
  const code = new RegExp(`^[ \\t]*${marker}(?: {2,}|\\t)\\S`);
  text.split('\n').forEach((l, i) => {
    if (code.test(l)) out.push({ from: i + 1, to: i + 1, reason });
  });
  return out;
}

/**
 * `/** … *\/` blocks: PHPDoc, JSDoc, Javadoc, KDoc and C# XML comments are API documentation
 * (WordPress's pluggable.php shows the wp-config.php `define('AUTH_KEY', '…')` lines in one).
 * Found by lines: a `/**` opening a line, up to the line that closes it.
 */
function docBlocks(text: string): DocExample[] {
  const out: DocExample[] = [];
  let open: number | undefined;
  text.split('\n').forEach((l, i) => {
    const t = l.trimStart();
    if (open === undefined) {
      if (t.startsWith('/**') && !t.slice(3).includes('*/')) open = i + 1;
      else if (t.startsWith('///')) out.push({ from: i + 1, to: i + 1, reason: 'in a doc comment' });
    } else if (l.includes('*/')) {
      out.push({ from: open, to: i + 1, reason: 'in a doc comment' });
      open = undefined;
    }
  });
  return out;
}

/** The reason a 1-based line is a documentation example, if it is one. */
export function docExampleReason(examples: readonly DocExample[], line: number): string | undefined {
  return examples.find((e) => line >= e.from && line <= e.to)?.reason;
}

function markdownFences(text: string): DocExample[] {
  const out: DocExample[] = [];
  const lines = text.split('\n');
  let open: { line: number; fence: string } | undefined;
  lines.forEach((l, i) => {
    const m = /^ {0,3}(`{3,}|~{3,})/.exec(l);
    if (!m) return;
    if (!open) open = { line: i + 1, fence: m[1] };
    else if (m[1][0] === open.fence[0] && m[1].length >= open.fence.length && l.trim() === m[1]) {
      out.push({ from: open.line, to: i + 1, reason: 'in a Markdown code example' });
      open = undefined;
    }
  });
  return out;
}

/**
 * reStructuredText code: a `.. code-block::` (`.. code::`, `.. sourcecode::`) directive or a
 * paragraph ending in `::`, then the lines indented deeper than it (Sphinx docs, ansible's).
 */
function rstCodeBlocks(text: string): DocExample[] {
  const out: DocExample[] = [];
  const lines = text.split('\n');
  const indent = (l: string) => /^[ \t]*/.exec(l)![0].length;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const opens = /^\s*\.\.\s+(?:code-block|code|sourcecode)::/.test(l) || (/::\s*$/.test(l) && !/^\s*\.\.\s/.test(l));
    if (!opens) continue;
    const at = indent(l);
    let last = i;
    for (let j = i + 1; j < lines.length; j++) {
      if (!lines[j].trim()) continue;
      if (indent(lines[j]) <= at) break;
      last = j;
    }
    if (last > i) out.push({ from: i + 2, to: last + 1, reason: 'in a reStructuredText code example' });
    i = last;
  }
  return out;
}

/**
 * Lexes Python just enough to find triple-quoted strings (skipping comments and one-line
 * strings, so a `'''` inside `"…"` is not taken for one), and keeps those that are a statement
 * of their own (a docstring) or assigned to a documentation name.
 */
function pythonDocStrings(text: string): DocExample[] {
  const out: DocExample[] = [];
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      line++;
    } else if (c === '#') {
      const eol = text.indexOf('\n', i);
      i = (eol < 0 ? text.length : eol) - 1;
    } else if (c === '"' || c === "'") {
      const triple = text.startsWith(c.repeat(3), i);
      const close = triple ? c.repeat(3) : c;
      let j = i + close.length;
      const startLine = line;
      for (; j < text.length && !text.startsWith(close, j); j++) {
        // A backslash at the end of a line (a shell continuation shown in a docstring) still ends that line.
        if (text[j] === '\\') {
          if (text[++j] === '\n') line++;
        } else if (text[j] === '\n') {
          if (!triple) break;
          line++;
        }
      }
      if (triple) {
        const before = text.slice(text.lastIndexOf('\n', i - 1) + 1, i);
        const name = /^\s*([A-Za-z_]\w*)\s*=\s*[rRuUbB]{0,2}$/.exec(before)?.[1];
        if (/^\s*[rRuUbB]{0,2}$/.test(before)) out.push({ from: startLine, to: line, reason: 'in a Python docstring' });
        else if (name && DOC_NAMES.test(name)) out.push({ from: startLine, to: line, reason: `in the ${name} documentation block` });
      }
      i = j + close.length - 1;
      if (!triple && text[j] === '\n') i = j - 1;
    }
  }
  return out;
}
