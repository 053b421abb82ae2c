// Errors in a manifest, each tied to the place in the file that caused it. The loader collects
// every error it finds and throws them together, so a user fixes a manifest in one pass.

import { byCodeUnit } from '../compare.js';
import type { SourcePosition } from './types.js';

export class ManifestError extends Error {
  readonly file: string;
  /** 1-based; undefined when the error concerns the whole file (unreadable, too large). */
  readonly line: number | undefined;
  readonly column: number | undefined;

  constructor(message: string, where: SourcePosition | { file: string }) {
    super(message);
    this.name = 'ManifestError';
    this.file = where.file;
    this.line = 'line' in where ? where.line : undefined;
    this.column = 'column' in where ? where.column : undefined;
  }

  /** `file:line:col: message`, or `file: message` without a position. */
  format(): string {
    const where =
      this.line === undefined ? this.file : `${this.file}:${this.line}:${this.column ?? 1}`;
    return `${where}: ${this.message}`;
  }
}

/** Every error found in one load, sorted by file, line and column. */
export class ManifestErrors extends Error {
  readonly errors: readonly ManifestError[];

  constructor(errors: readonly ManifestError[]) {
    const sorted = [...errors].sort(compareErrors);
    super(sorted.map((e) => e.format()).join('\n'));
    this.name = 'ManifestErrors';
    this.errors = sorted;
  }
}

function compareErrors(a: ManifestError, b: ManifestError): number {
  return comparePlaces(a, b);
}

/** By file, line, column (a missing position first), then message: the same order everywhere. */
export function comparePlaces(a: PlacedMessage, b: PlacedMessage): number {
  const byFile = byCodeUnit(a.file, b.file);
  if (byFile !== 0) return byFile;
  const byLine = (a.line ?? 0) - (b.line ?? 0);
  if (byLine !== 0) return byLine;
  const byColumn = (a.column ?? 0) - (b.column ?? 0);
  if (byColumn !== 0) return byColumn;
  return byCodeUnit(a.message, b.message);
}

export interface PlacedMessage {
  file: string;
  line?: number | undefined;
  column?: number | undefined;
  message: string;
}
