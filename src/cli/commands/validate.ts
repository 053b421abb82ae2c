// `blast-radius validate [manifest]`: parse and check a manifest; errors go to stderr as
// `file:line:col: message`, and with --format json also to stdout as data.

import { ManifestErrors } from '../../manifest/errors.js';
import { summarizeManifest } from '../../model/manifest-summary.js';
import { jsonChunks } from '../../report/shared/json.js';
import { VALIDATE_REPORTERS } from '../../report/registry.js';
import type { CommonOptions } from '../common-options.js';
import type { Outcome } from '../exit-code.js';
import { writeResult, type CliIO } from '../io.js';
import { loadGraph, writeReport } from '../shared-options.js';

/** Loads the manifest and writes its summary, or its errors (also as data with --format json). */
export async function runValidate(
  io: CliIO,
  file: string,
  options: CommonOptions,
): Promise<Outcome> {
  try {
    const { manifest, graph } = await loadGraph(io, file);
    const summary = summarizeManifest(manifest, graph);
    await writeReport(io, VALIDATE_REPORTERS, summary, options);
    return 'ok';
  } catch (error) {
    if (error instanceof ManifestErrors && options.format === 'json') {
      const errors = error.errors.map(({ file, line, column, message }) => ({
        file,
        line,
        column,
        message,
      }));
      await writeResult(io, jsonChunks({ valid: false, errors }), options.output);
    }
    throw error;
  }
}
