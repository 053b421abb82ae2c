// `check --format gitlab`: golden files (regenerate on purpose with `npx vitest -u`) and the
// Code Quality report's contract: the fields GitLab reads, unique fingerprints, every finding.

import { describe, expect, it } from 'vitest';
import { renderCheckGitlab } from '../../../src/report/check/gitlab.js';
import { CLEAN, FIXTURES, render, WITH_BASELINE } from './fixture.js';

interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: string;
  location: { path: string; lines: { begin: number } };
}

describe('check --format gitlab', () => {
  it.each(Object.entries(FIXTURES))('matches the golden file (%s)', async (name, result) => {
    await expect(render(renderCheckGitlab, result)).toMatchFileSnapshot(
      `../golden/check/${name}.gitlab.json`,
    );
  });

  it('lists every current finding, known ones too, with the fields GitLab reads', () => {
    const issues = JSON.parse(render(renderCheckGitlab, WITH_BASELINE)) as CodeQualityIssue[];
    expect(issues).toHaveLength(WITH_BASELINE.findings.length);
    issues.forEach((issue, i) => {
      const finding = WITH_BASELINE.findings[i]!;
      expect(Object.keys(issue).sort()).toEqual([
        'check_name',
        'description',
        'fingerprint',
        'location',
        'severity',
      ]);
      expect(issue).toEqual({
        description: finding.message,
        check_name: finding.rule,
        fingerprint: finding.fingerprint,
        severity: finding.severity === 'error' ? 'major' : 'minor',
        location: { path: finding.location.file, lines: { begin: finding.location.line } },
      });
    });
    expect(new Set(issues.map((issue) => issue.fingerprint)).size).toBe(issues.length);
  });

  it('names files relative to the repository root, without ./', () => {
    const [first] = WITH_BASELINE.findings;
    const finding = { ...first!, location: { ...first!.location, file: './ci\\prod.yaml' } };
    const [issue] = JSON.parse(
      render(renderCheckGitlab, { ...WITH_BASELINE, findings: [finding] }),
    ) as CodeQualityIssue[];
    expect(issue!.location.path).toBe('ci/prod.yaml');
  });

  it('is an empty array for a clean run', () => {
    expect(render(renderCheckGitlab, CLEAN)).toBe('[]\n');
  });
});
