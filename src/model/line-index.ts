/** Offsets to 1-based line and column, built once per text and only when a finding needs it. */
export class LineIndex {
  private starts: number[] | undefined;

  constructor(private readonly text: string) {}

  private lineStarts(): number[] {
    if (this.starts) return this.starts;
    const starts = [0];
    let i = this.text.indexOf('\n');
    while (i >= 0) {
      starts.push(i + 1);
      i = this.text.indexOf('\n', i + 1);
    }
    return (this.starts = starts);
  }

  get lineCount(): number {
    return this.lineStarts().length;
  }

  position(offset: number): { line: number; column: number } {
    const starts = this.lineStarts();
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo] + 1 };
  }

  /** The offset of a 1-based line and column. */
  offset(line: number, column: number): number {
    return (this.lineStarts()[line - 1] ?? this.text.length) + column - 1;
  }

  /** The text of a 1-based line, without its line break. */
  lineText(line: number): string {
    const starts = this.lineStarts();
    const start = starts[line - 1];
    if (start === undefined) return '';
    const next = starts[line];
    let end = next === undefined ? this.text.length : next - 1;
    // Not a regex: `/\r$/` is tried at every character, and a line of thousands of findings is
    // asked for once per finding.
    if (end > start && this.text.charCodeAt(end - 1) === 13) end--;
    return this.text.slice(start, end);
  }

  /**
   * The line holding text[start, end) with that span replaced: a one-line suggested fix.
   * Undefined when the span crosses a line break (a suggestion replaces one line).
   */
  replaceSpan(start: number, end: number, replacement: string): { line: number; replacement: string } | undefined {
    const a = this.position(start);
    const b = this.position(end);
    if (a.line !== b.line) return undefined;
    const text = this.lineText(a.line);
    return { line: a.line, replacement: text.slice(0, a.column - 1) + replacement + text.slice(b.column - 1) };
  }
}
