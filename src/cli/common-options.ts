// The options most commands declare alike: the manifest argument, --format from the reporter
// registry, and -o; and the files commands read when none is named. Declaring them loads
// nothing a command's action needs.

import { Option, type Command } from 'commander';

export const DEFAULT_MANIFEST = 'blast-radius.yaml';

/** The baseline `check --update-baseline` writes when --baseline names none. */
export const DEFAULT_BASELINE = '.blast-radius-baseline.json';

export interface CommonOptions {
  format: string;
  output?: string;
}

export function addCommonOptions(
  command: Command,
  formats: readonly string[],
  fallback: string,
): Command {
  return command
    .argument('[manifest]', `manifest file (YAML or JSON; - reads stdin)`, DEFAULT_MANIFEST)
    .addOption(
      new Option('-f, --format <format>', 'output format').choices(formats).default(fallback),
    )
    .option('-o, --output <file>', 'write the result to a file (atomically) instead of stdout');
}
