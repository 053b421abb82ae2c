// `blast-radius check [manifest]` as the command line declares it, with the rules and the
// built-in policy in its help; the gate itself (commands/check.ts) is loaded when it runs.

import type { Command } from 'commander';
import { RULE_DESCRIPTIONS } from '../../analysis/gate/rule-descriptions.js';
import { POLICY_RULES, RECOVERY_RULES } from '../../manifest/types.js';
import { DEFAULT_POLICY } from '../../model/policy.js';
import { CHECK_REPORTERS } from '../../report/registry.js';
import type { CommandContext } from '../command-context.js';
import type { CheckOptions } from '../commands/check.js';
import { addCommonOptions, DEFAULT_BASELINE } from '../common-options.js';

/** The rules and the built-in policy, for --help: from the rule registry, so it cannot drift. */
function policyHelp(): string[] {
  const all = [...POLICY_RULES, ...RECOVERY_RULES];
  const width = Math.max(...all.map((rule) => rule.length));
  const builtIn = DEFAULT_POLICY.map((entry) => {
    const level = entry.level === undefined ? '' : ` (${entry.level})`;
    const scope =
      entry.scope === undefined ? '' : ` for ${entry.scope.map((s) => s.selector).join(', ')}`;
    return `  ${entry.rule}${level}: ${entry.severity}${scope}`;
  });
  return [
    'Rules (set them in the manifest\'s `policy:` section; README "Policy"):',
    ...all.map((rule) => `  ${rule.padEnd(width)}  ${RULE_DESCRIPTIONS[rule].summary}`),
    '',
    'A single point of failure (no-spof, no-domain-spof) is one finding, however many entry',
    'points it takes down: it lists them all (JSON `entrypoints`), its severity is the worst among',
    'them, and it stays known in a baseline as that list changes (the change is shown beside it).',
    '',
    'The built-in policy, applied first (a later entry for the same subject wins;',
    '`defaults: false` drops it):',
    ...builtIn,
    '  objectives: error, when policy.objectives is declared',
    '  data-shares-fate: warn, when some service declares copies',
  ];
}

export function registerCheck(program: Command, context: CommandContext): void {
  addCommonOptions(
    program
      .command('check')
      .description('CI gate: evaluate the policy, accept a baseline, fail on anything new')
      .option('--baseline <file>', 'accept the findings recorded in this baseline file')
      .option(
        '--update-baseline',
        `write the current findings to the baseline (--baseline, default ${DEFAULT_BASELINE}) and pass`,
      )
      .option('--strict-baseline', 'also fail when a baseline entry no longer occurs (stale)')
      .option('--top <n>', 'accepted findings listed in text and markdown', '10')
      // A function: the policy's help is put together only when help is shown.
      .addHelpText('after', () =>
        [
          '',
          ...policyHelp(),
          '',
          'Exit codes: 0 nothing new at severity error; 1 the gate failed; 2 usage or input error.',
          '',
          'Examples:',
          `  blast-radius check --baseline ${DEFAULT_BASELINE} --update-baseline   # adopt: accept today's findings`,
          `  blast-radius check --baseline ${DEFAULT_BASELINE} --strict-baseline   # in CI`,
          '  blast-radius check --format sarif -o blast-radius.sarif',
          '  blast-radius check --format github   # annotations + $GITHUB_STEP_SUMMARY',
        ].join('\n'),
      ),
    Object.keys(CHECK_REPORTERS),
    'text',
  ).action(async (file: string, options: CheckOptions) =>
    context.run(async () =>
      (await import('../commands/check.js')).runCheck(context.io, file, options),
    ),
  );
}
