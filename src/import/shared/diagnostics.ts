// What an importer says about its input besides the manifest: errors (the input cannot be
// imported) and warnings (something was skipped or guessed), each tied to a file and, when
// known, a line and column.

import { comparePlaces } from '../../manifest/errors.js';

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  severity: Severity;
  file: string;
  /** 1-based; absent when the message concerns the whole file. */
  line?: number;
  column?: number;
  message: string;
}

/** A place in an input file, as far as it is known. */
export interface InputPlace {
  file: string;
  line?: number;
  column?: number;
}

/** `file:line:col: message`, or `file: message` without a position; warnings say so. */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const { file, line, column, message, severity } = diagnostic;
  const where = line === undefined ? file : `${file}:${line}:${column ?? 1}`;
  return `${where}: ${severity === 'warning' ? 'warning: ' : ''}${message}`;
}

/** Collects diagnostics in the order they are found; `sorted` orders them for output. */
export class Diagnostics {
  readonly list: Diagnostic[] = [];

  error(place: InputPlace, message: string): void {
    this.list.push({ severity: 'error', ...place, message });
  }

  warning(place: InputPlace, message: string): void {
    this.list.push({ severity: 'warning', ...place, message });
  }

  get hasErrors(): boolean {
    return this.list.some((each) => each.severity === 'error');
  }

  /** Errors first, then by file, line, column and message: the same input, the same order. */
  sorted(): Diagnostic[] {
    return [...this.list].sort(compareDiagnostics);
  }
}

function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.severity !== b.severity) return a.severity === 'error' ? -1 : 1;
  return comparePlaces(a, b);
}
