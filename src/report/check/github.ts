// `check --format github`: GitHub Actions workflow commands, so that each new finding shows as an
// annotation on the manifest line in the run and the pull request. Known findings get none (the
// baseline accepted them); stale baseline entries fail a strict baseline; a summary line ends it.
// Reference: GitHub Docs, "Workflow commands for GitHub Actions"; the runner's escaping rules.

import type { CheckResult, Finding, StaleEntry } from '../../analysis/gate/check-result.js';
import { RULE_DESCRIPTIONS } from '../../analysis/gate/rule-descriptions.js';
import { repositoryPath } from './ci-paths.js';
import { subjectText } from './subject.js';
import { checkSummaryLine } from './verdict.js';
import { lineChunks } from '../shared/line-chunks.js';
import { safeText } from '../shared/safe-text.js';

export function renderCheckGithub(result: CheckResult): Iterable<string> {
  return lineChunks(commands(result));
}

function* commands(result: CheckResult): Generator<string> {
  for (const finding of result.findings) {
    if (finding.state === 'new') yield annotation(finding);
  }
  if (result.strictBaseline) {
    for (const entry of result.stale) yield staleAnnotation(entry, result.baseline);
  }
  yield checkSummaryLine(result);
}

function annotation(finding: Finding): string {
  const command = finding.severity === 'error' ? 'error' : 'warning';
  const properties = [
    ['file', repositoryPath(finding.location.file)],
    ['line', String(finding.location.line)],
    ['col', String(finding.location.column)],
    ['title', `${RULE_DESCRIPTIONS[finding.rule].title} (${finding.rule})`],
  ] as const;
  return workflowCommand(command, properties, finding.message);
}

function staleAnnotation(entry: StaleEntry, baseline: string | null): string {
  const message =
    `${entry.rule} ${subjectText(entry.subject)} no longer occurs: remove its entry ` +
    `(fingerprint ${entry.fingerprint}) from ${baseline ?? 'the baseline'}`;
  return workflowCommand('error', [['title', 'stale baseline entry']], message);
}

/** `::command key=value,…::message`, with manifest text made safe and escaped as the runner reads it. */
function workflowCommand(
  command: string,
  properties: readonly (readonly [string, string])[],
  message: string,
): string {
  const list = properties.map(([key, value]) => `${key}=${escapeProperty(plain(value))}`);
  return `::${command} ${list.join(',')}::${escapeData(plain(message))}`;
}

/** Control characters shown as escapes; line breaks kept, for a multi-line annotation. */
function plain(text: string): string {
  return text.replace(/\r\n/g, '\n').split('\n').map(safeText).join('\n');
}

/** The message of a workflow command: the runner turns these back into `%`, CR and LF. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value: also `:` and `,`, which would end the value. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
