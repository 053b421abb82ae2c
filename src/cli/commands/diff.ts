// `blast-radius diff OLD NEW` or `diff [NEW] --base REF`: the risk a change adds and removes —
// SPOFs, failure-domain SPOFs, blast radii, entry points newly at risk — with `--fail-on` as a
// pull-request gate that exits 1.

import { diff } from '../../analysis/diff/diff.js';
import { FAIL_ON, type FailOn } from '../../analysis/diff/diff-result.js';
import { DIFF_REPORTERS } from '../../report/registry.js';
import type { CommonOptions } from '../common-options.js';
import { UsageError } from '../errors.js';
import type { Outcome } from '../exit-code.js';
import type { CliIO } from '../io.js';
import { parseCount, writeReport } from '../shared-options.js';
import { loadSides } from './diff-sides.js';

export interface DiffOptions extends CommonOptions {
  base?: string;
  failOn?: string[];
  top: string;
}

/** Loads and analyses both sides, and writes what changed; exits 1 when --fail-on matches. */
export async function runDiff(
  io: CliIO,
  files: readonly string[],
  options: DiffOptions,
): Promise<Outcome> {
  const failOn = parseFailOn(options.failOn ?? []);
  const top = parseCount(options.top, '--top');
  const { before, after } = await loadSides(io, files, options.base);
  const result = diff(before, after, failOn);
  await writeReport(io, DIFF_REPORTERS, result, options, top);
  return result.gate.passed ? 'ok' : 'gate-failed';
}

function parseFailOn(values: readonly string[]): FailOn[] {
  const conditions = values.flatMap((v) => v.split(',')).map((v) => v.trim());
  for (const condition of conditions) {
    if (!(FAIL_ON as readonly string[]).includes(condition)) {
      throw new UsageError(
        `--fail-on: unknown condition "${condition}"; use ${FAIL_ON.join(', ')}`,
      );
    }
  }
  return conditions as FailOn[];
}
