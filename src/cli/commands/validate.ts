// `blast-radius validate [manifest]`: parse and check a manifest; errors go to stderr as
// `file:line:col: message`, and with --format json also to stdout as data.

import type { Command } from 'commander';
import { ManifestErrors } from '../../manifest/errors.js';
import { summarizeManifest } from '../../model/manifest-summary.js';
import { jsonChunks } from '../../report/shared/json.js';
import { VALIDATE_REPORTERS } from '../../report/registry.js';
import type { CommandContext } from '../command-context.js';
import { writeResult } from '../io.js';
import { addCommonOptions, loadGraph, type CommonOptions, writeReport } from '../shared-options.js';

export function registerValidate(program: Command, context: CommandContext): void {
  addCommonOptions(
    program
      .command('validate')
      .addHelpText(
        'after',
        '\nExample:\n  blast-radius validate fixtures/dyn-2016/blast-radius.yaml --format json',
      )
      .description('parse and check a manifest'),
    Object.keys(VALIDATE_REPORTERS),
    'text',
  ).action(async (file: string, options: CommonOptions) =>
    context.run(async () => {
      try {
        const { manifest, graph } = await loadGraph(context.io, file);
        const summary = summarizeManifest(manifest, graph);
        await writeReport(context.io, VALIDATE_REPORTERS, summary, options);
        return 'ok';
      } catch (error) {
        if (error instanceof ManifestErrors && options.format === 'json') {
          const errors = error.errors.map(({ file, line, column, message }) => ({
            file,
            line,
            column,
            message,
          }));
          await writeResult(context.io, jsonChunks({ valid: false, errors }), options.output);
        }
        throw error;
      }
    }),
  );
}
