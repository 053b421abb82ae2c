// `check --format json`: the result exactly as the shared JSON writer (shared/json.ts) writes it
// — two-space indentation, lists of plain values on one line — with the findings, nearly all of
// the bytes at scale, written by a loop that knows their shape: members that are plain values,
// lists of them, or objects of those. Each id in a list is quoted once however many findings
// list it (a single point of failure lists every entry point it takes down). A finding of any
// other shape is handed to the shared writer.

import type { CheckResult, Finding } from '../../analysis/gate/check-result.js';
import { renderJson } from '../shared/json.js';

/** Characters of findings joined into one chunk before it is handed on. */
const CHUNK = 1 << 16;

/** How the shared writer writes the findings when there are none. */
const NO_FINDINGS = '\n  "findings": []';

/** Indentation of a finding's members, and of the members of its objects. */
const MEMBER = '\n      ';
const INNER = '\n        ';

export function* renderCheckJson(result: CheckResult): Generator<string> {
  const rest = renderJson({ ...result, findings: [] });
  // A JSON string never holds a raw line break: this is the findings member, and only it.
  const at = rest.indexOf(NO_FINDINGS);
  if (result.findings.length === 0 || at < 0) {
    yield rest;
    return;
  }
  const quoted = new Map<string, string>();
  let pieces = [rest.slice(0, at), '\n  "findings": ['];
  let size = 0;
  for (let i = 0; i < result.findings.length; i++) {
    const text = (i === 0 ? '\n    ' : ',\n    ') + findingText(result.findings[i]!, quoted);
    pieces.push(text);
    size += text.length;
    if (size >= CHUNK) {
      yield pieces.join('');
      pieces = [];
      size = 0;
    }
  }
  pieces.push('\n  ]', rest.slice(at + NO_FINDINGS.length));
  yield pieces.join('');
}

/** One finding at the indentation of a member of the findings list. */
function findingText(finding: Finding, quoted: Map<string, string>): string {
  if (Object.getPrototypeOf(finding) !== Object.prototype) return sharedText(finding);
  let text = '';
  for (const key of Object.keys(finding)) {
    const value: unknown = finding[key as keyof Finding];
    if (value === undefined) continue;
    const written = memberText(value, quoted);
    if (written === undefined) return sharedText(finding);
    text += `${text === '' ? MEMBER : `,${MEMBER}`}${JSON.stringify(key)}: ${written}`;
  }
  return text === '' ? '{}' : `{${text}\n    }`;
}

/**
 * A member of a finding: a plain value, a list of plain values, or an object of those; undefined
 * for anything else.
 */
function memberText(value: unknown, quoted: Map<string, string>): string | undefined {
  if (isPlain(value)) return plainText(value);
  if (Array.isArray(value)) return listText(value, quoted);
  if (Object.getPrototypeOf(value) !== Object.prototype) return undefined;
  let text = '';
  for (const [key, member] of Object.entries(value as object)) {
    if (member === undefined) continue;
    const written = isPlain(member)
      ? plainText(member)
      : Array.isArray(member)
        ? listText(member, quoted)
        : undefined;
    if (written === undefined) return undefined;
    text += `${text === '' ? INNER : `,${INNER}`}${JSON.stringify(key)}: ${written}`;
  }
  return text === '' ? '{}' : `{${text}${MEMBER}}`;
}

/** `[a, b, c]` on one line; undefined unless every item is a plain value. */
function listText(items: readonly unknown[], quoted: Map<string, string>): string | undefined {
  if (items.length === 0) return '[]';
  const texts = new Array<string>(items.length);
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (typeof item === 'string') {
      let text = quoted.get(item);
      if (text === undefined) {
        text = JSON.stringify(item);
        quoted.set(item, text);
      }
      texts[i] = text;
    } else if (isPlain(item)) texts[i] = plainText(item);
    else return undefined;
  }
  return `[${texts.join(', ')}]`;
}

type Plain = string | number | boolean | null;

function isPlain(value: unknown): value is Plain {
  return (
    value === null ||
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean'
  );
}

function plainText(value: Plain): string {
  return JSON.stringify(value);
}

/** A finding as the shared writer writes it, at the indentation of the findings list. */
function sharedText(finding: Finding): string {
  return renderJson(finding).slice(0, -1).replaceAll('\n', '\n    ');
}
