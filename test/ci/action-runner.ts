// Runs action.yml's steps as a GitHub runner would, as far as that is possible here: the `run:`
// steps in order with `bash --noprofile --norc -eo pipefail`, their `${{ … }}` expressions and
// `if:` conditions evaluated over the inputs, the github context and earlier steps' outputs,
// GITHUB_OUTPUT and GITHUB_STEP_SUMMARY as files. `uses:` steps (setup-node, the SARIF upload)
// cannot run without GitHub: their conditions and `with:` values are evaluated and recorded.
// The expression language is only the part the action uses; anything else is an error.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { ROOT } from '../support/run-cli.js';

export interface ActionStep {
  name: string;
  id?: string;
  if?: string;
  uses?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
  shell?: string;
  run?: string;
}

export interface ActionFile {
  name: string;
  description: string;
  inputs: Record<string, { description: string; default?: string; required?: boolean }>;
  outputs: Record<string, { description: string; value: string }>;
  runs: { using: string; steps: ActionStep[] };
}

export interface GithubContext {
  event_name: string;
  base_ref: string;
  action_path: string;
  token: string;
  event: { pull_request?: { number: number } };
}

export interface StepRun {
  name: string;
  ran: boolean;
  uses?: string;
  with?: Record<string, string>;
  code?: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
}

export interface ActionRun {
  steps: StepRun[];
  outputs: Record<string, string>;
  summary: string;
  failed: boolean;
}

export function loadAction(file = path.join(ROOT, 'action.yml')): ActionFile {
  return parse(readFileSync(file, 'utf8')) as ActionFile;
}

export function githubContext(overrides: Partial<GithubContext> = {}): GithubContext {
  return {
    event_name: 'pull_request',
    base_ref: 'main',
    action_path: ROOT,
    token: 'test-token',
    event: { pull_request: { number: 7 } },
    ...overrides,
  };
}

export function runAction(
  action: ActionFile,
  options: {
    inputs: Record<string, string>;
    github: GithubContext;
    cwd: string;
    /** PATH for the steps (the test's own, or one with stand-ins in front). */
    path?: string;
    extraEnv?: Record<string, string>;
    /** Run only the first so many steps. */
    stepCount?: number;
  },
): ActionRun {
  const temp = mkdtempSync(path.join(tmpdir(), 'br-action-'));
  const summary = path.join(temp, 'summary.md');
  writeFileSync(summary, '');
  const stepOutputs: Record<string, Record<string, string>> = {};
  const scope: Scope = { action, inputs: options.inputs, github: options.github, stepOutputs };
  const steps: StepRun[] = [];
  let failed = false;
  for (const [index, step] of action.runs.steps.entries()) {
    if (options.stepCount !== undefined && index >= options.stepCount) break;
    const wanted = !failed && (step.if === undefined || truthy(evaluate(step.if, scope)));
    const record: StepRun = { name: step.name, ran: false, stdout: '', stderr: '', outputs: {} };
    steps.push(record);
    if (!wanted) continue;
    if (step.uses !== undefined) {
      record.uses = step.uses;
      record.with = mapValues(step.with ?? {}, (value) => substitute(value, scope));
      continue;
    }
    const script = path.join(temp, `step-${index}.sh`);
    const outputFile = path.join(temp, `output-${index}`);
    writeFileSync(script, step.run ?? '');
    writeFileSync(outputFile, '');
    const env = {
      PATH: options.path ?? process.env['PATH'] ?? '',
      HOME: temp,
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summary,
      GITHUB_EVENT_NAME: options.github.event_name,
      GITHUB_BASE_REF: options.github.base_ref,
      GITHUB_WORKSPACE: options.cwd,
      RUNNER_TEMP: temp,
      ...options.extraEnv,
      ...mapValues(step.env ?? {}, (value) => substitute(value, scope)),
    };
    if (step.shell !== 'bash') throw new Error(`step "${step.name}": shell must be bash`);
    const run = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
      cwd: options.cwd,
      env,
      encoding: 'utf8',
      timeout: 60_000,
    });
    record.ran = true;
    record.code = run.status ?? -1;
    record.stdout = run.stdout;
    record.stderr = run.stderr;
    record.outputs = readOutputs(readFileSync(outputFile, 'utf8'));
    if (step.id !== undefined) stepOutputs[step.id] = record.outputs;
    if (record.code !== 0) failed = true;
  }
  const outputs = mapValues(
    mapValues(action.outputs, (output) => output.value),
    (value) => substitute(value, scope),
  );
  return { steps, outputs, summary: readFileSync(summary, 'utf8'), failed };
}

interface Scope {
  action: ActionFile;
  inputs: Record<string, string>;
  github: GithubContext;
  stepOutputs: Record<string, Record<string, string>>;
}

function readOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const equals = line.indexOf('=');
    if (equals > 0) outputs[line.slice(0, equals)] = line.slice(equals + 1);
  }
  return outputs;
}

/** Replaces each `${{ expression }}` in a value with the expression's value as text. */
export function substitute(text: string, scope: Scope): string {
  return text.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_, expression: string) =>
    String(evaluate(expression, scope)),
  );
}

type Value = string | number | boolean | undefined | object;

/** `a && b`, `a == 'x'`, `a != 'x'`, string literals and context paths: what action.yml uses. */
function evaluate(expression: string, scope: Scope): Value {
  const conjuncts = expression.split('&&').map((part) => part.trim());
  if (conjuncts.length > 1) return conjuncts.every((part) => truthy(evaluate(part, scope)));
  const comparison = /^(.+?)\s*(==|!=)\s*(.+)$/.exec(expression);
  if (comparison) {
    const left = text(evaluate(comparison[1]!, scope));
    const right = text(evaluate(comparison[3]!, scope));
    return comparison[2] === '==' ? left === right : left !== right;
  }
  const literal = /^'((?:[^']|'')*)'$/.exec(expression);
  if (literal) return literal[1]!.replace(/''/g, "'");
  return lookup(expression, scope);
}

function lookup(reference: string, scope: Scope): Value {
  const [head, ...rest] = reference.split('.');
  if (head === 'inputs') {
    const name = rest.join('.');
    const declared = scope.action.inputs[name];
    if (declared === undefined) throw new Error(`action.yml uses an undeclared input: ${name}`);
    return scope.inputs[name] ?? substitute(declared.default ?? '', scope);
  }
  if (head === 'steps' && rest[1] === 'outputs' && rest.length === 3) {
    const id = rest[0]!;
    if (!scope.action.runs.steps.some((step) => step.id === id)) {
      throw new Error(`action.yml uses the outputs of an unknown step: ${id}`);
    }
    return scope.stepOutputs[id]?.[rest[2]!] ?? '';
  }
  if (head === 'github') {
    let value: Value = scope.github;
    for (const key of rest) value = (value as Record<string, Value> | undefined)?.[key];
    return value ?? '';
  }
  throw new Error(`an expression this runner does not know: ${reference}`);
}

function text(value: Value): string {
  return value === undefined ? '' : String(value);
}

function truthy(value: Value): boolean {
  return value !== false && value !== '' && value !== 0 && value !== undefined;
}

function mapValues<T, U>(record: Record<string, T>, f: (value: T) => U): Record<string, U> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, f(value)]));
}
