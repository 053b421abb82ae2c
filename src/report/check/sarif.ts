// `check --format sarif`: the findings as a SARIF 2.1.0 log for code scanning (GitHub, Azure
// DevOps, IDE viewers). One run; a rule descriptor for every policy rule; one result per finding.
// Reference: OASIS SARIF 2.1.0 (Errata 01), §3.14 run, §3.27 result, §3.49 reportingDescriptor.

import type { CheckResult, Finding } from '../../analysis/gate/check-result.js';
import { RULE_DESCRIPTIONS } from '../../analysis/gate/rule-descriptions.js';
import { checkRules, uriReference } from './ci-paths.js';
import type { PolicyRuleId } from '../../manifest/types.js';
import { jsonChunks } from '../shared/json.js';
import { VERSION } from '../shared/version.js';

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://www.npmjs.com/package/blast-radius';
/** The base of relative manifest paths: where `check` ran, the repository root in CI. */
const SOURCE_ROOT = '%SRCROOT%';
const FINGERPRINT_KEY = 'blastRadiusFinding/v1';

export function renderCheckSarif(result: CheckResult): Iterable<Uint8Array> {
  const log = {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'blast-radius',
            fullName: `blast-radius ${VERSION}`,
            version: VERSION,
            semanticVersion: VERSION,
            informationUri: INFORMATION_URI,
            rules: checkRules(result).map((rule) =>
              ruleDescriptor(rule, !result.rules.some((r) => r.rule === rule && !r.enabled)),
            ),
          },
        },
        // A base id without a uri is allowed (§3.14.14): the consumer knows its checkout.
        originalUriBaseIds: {
          [SOURCE_ROOT]: {
            description: { text: 'The directory blast-radius check ran in: the repository root.' },
          },
        },
        // Manifest columns count UTF-16 code units, as editors do.
        columnKind: 'utf16CodeUnits',
        results: result.findings.map((finding) =>
          sarifResult(finding, result.baseline !== null, checkRules(result)),
        ),
        properties: {
          passed: result.passed,
          strictBaseline: result.strictBaseline,
          staleBaselineEntries: result.stale,
        },
      },
    ],
  };
  return jsonChunks(log);
}

function ruleDescriptor(rule: PolicyRuleId, enabled: boolean) {
  const { title, summary, help } = RULE_DESCRIPTIONS[rule];
  return {
    id: rule,
    name: pascalCase(rule),
    shortDescription: { text: period(title) },
    fullDescription: { text: summary },
    help: { text: help, markdown: `${summary}\n\n${help}` },
    // The built-in policy's level; each result carries the level its policy entry gives it.
    defaultConfiguration: enabled ? { level: 'warning' } : { level: 'warning', enabled: false },
  };
}

function sarifResult(finding: Finding, withBaseline: boolean, rules: readonly PolicyRuleId[]) {
  const { uri, absolute } = uriReference(finding.location.file);
  return {
    ruleId: finding.rule,
    ruleIndex: rules.indexOf(finding.rule),
    level: finding.severity === 'error' ? 'error' : 'warning',
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: absolute ? { uri } : { uri, uriBaseId: SOURCE_ROOT },
          region: { startLine: finding.location.line, startColumn: finding.location.column },
        },
      },
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: finding.fingerprint },
    ...(withBaseline ? { baselineState: finding.state === 'new' ? 'new' : 'unchanged' } : {}),
    properties: {
      subject: finding.subject,
      ...(finding.entrypoints === undefined
        ? {}
        : { entrypointCount: finding.entrypoints.length, entrypoints: finding.entrypoints }),
      ...(finding.sinceBaseline === undefined ? {} : { sinceBaseline: finding.sinceBaseline }),
    },
  };
}

/** `no-spof` → `NoSpof`: SARIF rule names are Pascal case. */
function pascalCase(id: string): string {
  return id.replace(/(?:^|-)([a-z])/g, (_, c: string) => c.toUpperCase());
}

function period(text: string): string {
  return text.endsWith('.') ? text : `${text}.`;
}
