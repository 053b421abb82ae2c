// What `init` decided about one import: included in the starter manifest, or left out and why.

import type { ImportResult } from '../import/shared/imported-manifest.js';
import type { ImportCandidate } from './detector.js';

export interface PlannedImport {
  candidate: ImportCandidate;
  title: string;
  /** Where the generated manifest goes, relative to the repository. */
  file: string;
  /** The command that writes it (again). */
  command: string;
}

export interface IncludedImport extends PlannedImport {
  result: ImportResult;
  warnings: number;
}

export interface LeftOutImport extends PlannedImport {
  reason: string;
}
