// `check --format github`: golden files (regenerate on purpose with `npx vitest -u`) and the
// workflow commands as the Actions runner parses them.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderCheckGithub } from '../../../src/report/check/github.js';
import { CLEAN, FIXTURES, render, WITH_BASELINE } from './fixture.js';

interface WorkflowCommand {
  command: string;
  properties: Record<string, string>;
  data: string;
}

/** Reads one line as the runner does (actions/runner ActionCommand.TryParseV2), or null. */
function parseCommand(line: string): WorkflowCommand | null {
  if (!line.startsWith('::')) return null;
  const end = line.indexOf('::', 2);
  if (end < 0) return null;
  const info = line.slice(2, end);
  const space = info.indexOf(' ');
  const command = space < 0 ? info : info.slice(0, space);
  const properties: Record<string, string> = {};
  if (space > 0) {
    for (const pair of info
      .slice(space + 1)
      .trim()
      .split(',')
      .filter(Boolean)) {
      const equals = pair.indexOf('=');
      properties[pair.slice(0, equals)] = unescape(pair.slice(equals + 1), true);
    }
  }
  return { command, properties, data: unescape(line.slice(end + 2), false) };
}

function unescape(text: string, property: boolean): string {
  let value = text.replaceAll('%0D', '\r').replaceAll('%0A', '\n');
  if (property) value = value.replaceAll('%3A', ':').replaceAll('%2C', ',');
  return value.replaceAll('%25', '%');
}

/** Every control character but the line feed between commands. */
// eslint-disable-next-line no-control-regex -- control characters are what this looks for
const CONTROL = new RegExp('[\\u0000-\\u0009\\u000b-\\u001f\\u007f-\\u009f\\u2028\\u2029]');

function commandsOf(output: string): (WorkflowCommand | null)[] {
  expect(output.endsWith('\n')).toBe(true);
  return output.slice(0, -1).split('\n').map(parseCommand);
}

describe('check --format github', () => {
  it.each(Object.entries(FIXTURES))('matches the golden file (%s)', async (name, result) => {
    await expect(render(renderCheckGithub, result)).toMatchFileSnapshot(
      `../golden/check/${name}.github.txt`,
    );
  });

  it('annotates each new finding at its place, the stale entry, and ends with the summary', () => {
    const commands = commandsOf(render(renderCheckGithub, WITH_BASELINE));
    const fresh = WITH_BASELINE.findings.filter((f) => f.state === 'new');
    expect(commands).toHaveLength(fresh.length + 2);
    fresh.forEach((finding, i) => {
      expect(commands[i]).toEqual({
        command: finding.severity === 'error' ? 'error' : 'warning',
        properties: {
          file: finding.location.file,
          line: String(finding.location.line),
          col: String(finding.location.column),
          title: expect.stringContaining(`(${finding.rule})`),
        },
        data: finding.message,
      });
    });
    expect(commands.at(-2)).toMatchObject({
      command: 'error',
      properties: { title: 'stale baseline entry' },
      data: expect.stringContaining(WITH_BASELINE.stale[0]!.fingerprint),
    });
    expect(commands.at(-1)).toBeNull();
  });

  it('says how the gate went in one plain line', () => {
    expect(render(renderCheckGithub, WITH_BASELINE).split('\n').at(-2)).toBe(
      'blast-radius check: 2 new errors, 1 new warning, 2 known, 1 fixed — gate failed',
    );
    expect(render(renderCheckGithub, CLEAN)).toBe(
      'blast-radius check: 0 new errors, 0 new warnings — gate passed\n',
    );
  });

  it('leaves stale entries to the summary when the baseline is not strict', () => {
    const lenient = { ...WITH_BASELINE, strictBaseline: false };
    const output = render(renderCheckGithub, lenient);
    expect(output).not.toContain('stale baseline entry');
    expect(output).toContain('1 fixed');
  });

  it('keeps any message and file name inside one command, without raw control characters', () => {
    const [template] = WITH_BASELINE.findings.filter((f) => f.state === 'new');
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (message, file) => {
        const finding = { ...template!, message, location: { ...template!.location, file } };
        const output = render(renderCheckGithub, { ...WITH_BASELINE, findings: [finding] });
        expect(output).not.toMatch(CONTROL);
        const [command] = commandsOf(output);
        expect(command?.command).toBe('error');
        expect(Object.keys(command!.properties)).toEqual(['file', 'line', 'col', 'title']);
        expect(command!.properties.line).toBe(String(template!.location.line));
        // Line breaks survive, for a multi-line annotation; other controls are shown as escapes.
        expect(command!.data.split('\n')).toHaveLength(message.split(/\r\n|\n/).length);
      }),
      { numRuns: 1000 },
    );
  });
});
