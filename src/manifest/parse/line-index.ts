// Turns character offsets into 1-based line and column numbers. Parsers record offsets only,
// which is cheap; positions are computed for what needs them (services, requirements, errors).

/** Columns count UTF-16 code units, like the editors' and the yaml package's own columns. */
export class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
      this.lineStarts.push(i + 1);
    }
  }

  /** Where the last lookup landed: callers mostly ask in document order. */
  private cursor = 0;

  /** Line and column of `offset`; offsets past the end land on the last line. */
  at(offset: number): { line: number; column: number } {
    const starts = this.lineStarts;
    let line = this.cursor;
    if (starts[line]! <= offset && (starts[line + 1] ?? Infinity) > offset) {
      // Same line as last time.
    } else if (starts[line]! <= offset && (starts[line + 2] ?? Infinity) > offset) {
      line += 1;
    } else {
      line = this.search(offset);
    }
    this.cursor = line;
    return { line: line + 1, column: offset - starts[line]! + 1 };
  }

  private search(offset: number): number {
    const starts = this.lineStarts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  }
}
