// `check --format gitlab`: a GitLab Code Quality report (a JSON array of issues in the Code
// Climate subset GitLab reads). Every current finding is listed, known ones too: GitLab compares
// the report with the target branch's own and shows the merge request only what changed, so
// leaving accepted findings out would show them as fixed. Severity: `error` (fails the gate) is
// `major`, as linters' GitLab reports map their errors; `warn` is `minor`.
// Reference: GitLab Docs, "Code Quality", implementing a custom tool (report format).

import type { CheckResult, Finding } from '../../analysis/gate/check-result.js';
import { repositoryPath } from './ci-paths.js';
import { jsonChunks } from '../shared/json.js';

const SEVERITY = { error: 'major', warn: 'minor' } as const;

export function renderCheckGitlab(result: CheckResult): Iterable<Uint8Array> {
  return jsonChunks(result.findings.map(issue));
}

function issue(finding: Finding) {
  return {
    description: finding.message,
    check_name: finding.rule,
    fingerprint: finding.fingerprint,
    severity: SEVERITY[finding.severity],
    location: {
      path: repositoryPath(finding.location.file),
      lines: { begin: finding.location.line },
    },
  };
}
