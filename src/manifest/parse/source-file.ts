// One manifest file being read, and the collector of every error of a load. Parsers and
// validators speak in character offsets; this is where offsets become file:line:column.

import { dropDuplicateKeys, type DocMap, type Problem } from './doc-node.js';
import { ManifestError } from '../errors.js';
import { LineIndex } from './line-index.js';
import { quote, sanitize } from './quote.js';
import type { SourcePosition } from '../types.js';

/** Every error of one load, across all files. */
export class Diagnostics {
  readonly errors: ManifestError[] = [];

  /** Messages are sanitized here, once, whatever user text or parser text they carry. */
  add(message: string, where: SourcePosition | { file: string }): void {
    this.errors.push(new ManifestError(sanitize(message), where));
  }
}

export class SourceFile {
  private lines: LineIndex | undefined;

  constructor(
    /** The file name as shown to the user (relative when the top-level path was). */
    readonly name: string,
    readonly text: string,
    readonly diagnostics: Diagnostics,
  ) {}

  position(offset: number): SourcePosition {
    this.lines ??= new LineIndex(this.text);
    const { line, column } = this.lines.at(offset);
    return { file: this.name, line, column };
  }

  error(offset: number, message: string): void {
    this.diagnostics.add(message, this.position(offset));
  }

  /** Reports every repeated key of `map` (naming the first) and drops it from `map`. */
  dropDuplicateKeys(map: DocMap): void {
    dropDuplicateKeys(map, (i, first) => {
      const message = `duplicate key ${quote(map.keys[i]!)}`;
      this.problem({ offset: map.keyOffsets[i]!, message, firstOffset: map.keyOffsets[first]! });
    });
  }

  problem(problem: Problem): void {
    if (problem.firstOffset === undefined) {
      this.error(problem.offset, problem.message);
      return;
    }
    this.error(
      problem.offset,
      `${problem.message}; first at ${formatPosition(this.position(problem.firstOffset))}`,
    );
  }
}

/** Thrown by StopAtFirstError where an error would be reported. */
export class ReadStopped extends Error {}

const STOPPED = new ReadStopped('stopped at the first error');

/**
 * A source whose first error stops the read instead of being collected: for a quick read that
 * gives way, at any error, to a read that reports every error with its position.
 */
export class StopAtFirstError extends SourceFile {
  constructor(private readonly of: SourceFile) {
    super(of.name, of.text, of.diagnostics);
  }

  /** Positions from the file's own line index, built once. */
  override position(offset: number): SourcePosition {
    return this.of.position(offset);
  }

  override error(): never {
    throw STOPPED;
  }
}

export function formatPosition(position: SourcePosition): string {
  return `${position.file}:${position.line}:${position.column}`;
}
