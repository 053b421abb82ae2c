// check's line-based reporters come in chunks: joined, the chunks are the whole text each
// reporter wrote as one string before (the golden files), and a large result comes in many
// bounded chunks instead of one string that a million findings would make too long for V8.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CheckResult, Finding } from '../../../src/analysis/gate/check-result.js';
import { renderCheckGithub } from '../../../src/report/check/github.js';
import { renderCheckJunit } from '../../../src/report/check/junit.js';
import { renderCheckMarkdown } from '../../../src/report/check/markdown.js';
import { renderCheckText } from '../../../src/report/check/text.js';
import type { Chunk, Reporter } from '../../../src/report/reporter.js';
import { FIXTURES } from './fixture.js';
import { elementsNamed, parseXml } from './xml-checker.js';

const options = { color: false, top: 10 };

function chunksOf(reporter: Reporter<CheckResult>, result: CheckResult): Chunk[] {
  const rendered = reporter(result, options);
  expect(typeof rendered).not.toBe('string');
  return [...rendered];
}

const golden = (name: string) => readFileSync(`test/golden/check/${name}`, 'utf8');
const reporterGolden = (name: string) => readFileSync(`test/report/golden/check/${name}`, 'utf8');

describe('check reporters in chunks', () => {
  it.each(['s3-2017', 'dyn-2016', 'aws-2025', 'multi-region'])(
    'join to the golden text and Markdown of %s',
    (name) => {
      const result = JSON.parse(golden(`${name}.check.json`)) as CheckResult;
      expect(chunksOf(renderCheckText, result).join('')).toBe(golden(`${name}.check.txt`));
      expect(chunksOf(renderCheckMarkdown, result).join('')).toBe(golden(`${name}.check.md`));
    },
  );

  it.each(Object.entries(FIXTURES))(
    'join to the golden JUnit and GitHub output (%s)',
    (name, result) => {
      expect(chunksOf(renderCheckJunit, result).join('')).toBe(reporterGolden(`${name}.junit.xml`));
      expect(chunksOf(renderCheckGithub, result).join('')).toBe(
        reporterGolden(`${name}.github.txt`),
      );
    },
  );

  it('write a large result in many bounded chunks, every finding in them', () => {
    const base = FIXTURES['with-baseline'];
    const findings: Finding[] = [];
    for (let i = 0; i < 2000; i++) {
      for (const f of base.findings) {
        findings.push({ ...f, message: `${f.message} k${i}k`, state: 'new' });
      }
    }
    const result: CheckResult = { ...base, findings };
    const longest = Math.max(...findings.map((f) => f.message.length));
    for (const reporter of [
      renderCheckText,
      renderCheckMarkdown,
      renderCheckJunit,
      renderCheckGithub,
    ]) {
      const chunks = chunksOf(reporter, result);
      expect(chunks.length).toBeGreaterThan(10);
      // A chunk closes once it passes 64 KiB, at the end of a line.
      for (const chunk of chunks) expect(chunk.length).toBeLessThan(65_536 + 4 * longest + 200);
      const text = chunks.join('');
      for (let i = 0; i < 2000; i += 333) expect(text).toContain(`k${i}k`);
      expect(text.split('\n').length).toBeGreaterThan(findings.length);
    }
    const junit = parseXml(chunksOf(renderCheckJunit, result).join(''));
    expect(elementsNamed(junit, 'testcase').length).toBeGreaterThanOrEqual(findings.length);
    const github = chunksOf(renderCheckGithub, result).join('').split('\n');
    // One annotation per line for each new finding, the summary, and the final line break.
    expect(github.filter((line) => line.startsWith('::')).length).toBe(
      findings.length + base.stale.length * (base.strictBaseline ? 1 : 0),
    );
  });
});
