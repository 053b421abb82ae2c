// Reads a baseline file: the findings a team has accepted, written by `check --update-baseline`.
// Each entry is identified by its fingerprint; rule and subject are kept so a reviewer can read
// what was accepted, and for a single point of failure the entry points it took down then.
// Version 1 files (one entry per entry point and single point of failure) are read as they are;
// analysis/gate groups their entries. Errors come out as file:line:col, like a manifest's.

import { resolve } from 'node:path';
import { checkText, decodeText } from './parse/decode-text.js';
import { describeNode, isMap, isSeq, type DocMap, type DocNode } from './parse/doc-node.js';
import { ManifestErrors } from './errors.js';
import { quote } from './parse/quote.js';
import { parseDocument } from './parse/read-document.js';
import { readFileBytes } from './parse/read-file.js';
import { Diagnostics, SourceFile } from './parse/source-file.js';

export interface BaselineEntry {
  rule: string;
  fingerprint: string;
  subject: Record<string, string | string[]>;
  /** no-spof and no-domain-spof: the entry points it took down when accepted, sorted. */
  entrypoints?: string[];
}

/** The version written; every version up to it is read. */
export const BASELINE_VERSION = 2;
const FINGERPRINT = /^[0-9a-f]{32}$/;

/**
 * The entries of the baseline at `path`, relative to `cwd`.
 * @throws ManifestErrors when the file is missing, unreadable or not a baseline.
 */
export async function loadBaseline(path: string, cwd: string): Promise<BaselineEntry[]> {
  const diagnostics = new Diagnostics();
  const read = await readFileBytes(resolve(cwd, path), 'json', 'the baseline');
  if ('error' in read) {
    const hint = read.error.endsWith('no such file')
      ? `; create it with \`blast-radius check --baseline ${path} --update-baseline\``
      : '';
    diagnostics.add(read.error + hint, { file: path });
    throw new ManifestErrors(diagnostics.errors);
  }
  return parseBaseline(decodeText(read.bytes), path, diagnostics);
}

/**
 * Parses baseline text; for tests. `positional`: always with the parser that tells where each
 * value is written, as any baseline with an error is read. @throws ManifestErrors
 */
export function parseBaselineText(
  text: string,
  name = 'baseline.json',
  { positional = false }: { positional?: boolean } = {},
): BaselineEntry[] {
  return parseBaseline(checkText(text), name, new Diagnostics(), positional);
}

function parseBaseline(
  decoded: ReturnType<typeof checkText>,
  name: string,
  diagnostics: Diagnostics,
  positional = false,
): BaselineEntry[] {
  const quick = decoded.problem || positional ? undefined : quickBaseline(decoded.text);
  if (quick !== undefined) return quick;
  const src = new SourceFile(name, decoded.text, diagnostics);
  const entries: BaselineEntry[] = [];
  if (decoded.problem) src.problem(decoded.problem);
  else {
    const parsed = parseDocument(src, 'json');
    if (parsed?.root !== undefined) readRoot(parsed.root, parsed.rootOffset ?? 0, src, entries);
  }
  if (diagnostics.errors.length > 0) throw new ManifestErrors(diagnostics.errors);
  return entries;
}

function readRoot(root: DocNode, offset: number, src: SourceFile, into: BaselineEntry[]): void {
  if (!isMap(root)) {
    src.error(
      offset,
      `a baseline must be an object with version and findings, not ${describeNode(root)}`,
    );
    return;
  }
  src.dropDuplicateKeys(root);
  const version = field(root, 'version');
  if (version === undefined || (version.value !== 1 && version.value !== BASELINE_VERSION)) {
    const where = version?.offset ?? root.offset;
    src.error(
      where,
      `not a blast-radius baseline of version 1 to ${BASELINE_VERSION} ("version" is missing or another)`,
    );
    return;
  }
  const findings = field(root, 'findings');
  if (findings === undefined || !isSeq(findings.value)) {
    src.error(
      findings?.offset ?? root.offset,
      'a baseline needs "findings": a list of accepted findings',
    );
    return;
  }
  const list = findings.value;
  for (let i = 0; i < list.items.length; i++) {
    const entry = readEntry(list.items[i]!, list.offsets[i]!, src);
    if (entry !== undefined) into.push(entry);
  }
}

function readEntry(node: DocNode, offset: number, src: SourceFile): BaselineEntry | undefined {
  if (!isMap(node)) {
    src.error(offset, `each baseline finding must be an object, not ${describeNode(node)}`);
    return undefined;
  }
  const rule = field(node, 'rule');
  const print = field(node, 'fingerprint');
  const subject = field(node, 'subject');
  if (rule === undefined || typeof rule.value !== 'string') {
    src.error(rule?.offset ?? offset, 'a baseline finding needs "rule", a string');
    return undefined;
  }
  if (print === undefined || typeof print.value !== 'string' || !FINGERPRINT.test(print.value)) {
    src.error(
      print?.offset ?? offset,
      'a baseline finding needs "fingerprint", 32 lowercase hex digits',
    );
    return undefined;
  }
  const subjectValue = subject === undefined ? undefined : readSubject(subject.value);
  if (subjectValue === undefined) {
    const message = `baseline finding ${quote(print.value)} needs "subject", an object of ids`;
    src.error(subject?.offset ?? offset, message);
    return undefined;
  }
  const entry: BaselineEntry = {
    rule: rule.value,
    fingerprint: print.value,
    subject: subjectValue,
  };
  const entrypoints = field(node, 'entrypoints');
  if (entrypoints !== undefined) {
    const ids = readIds(entrypoints.value);
    if (ids === undefined) {
      src.error(entrypoints.offset, 'a baseline finding\'s "entrypoints" must be a list of ids');
      return undefined;
    }
    entry.entrypoints = ids;
  }
  return entry;
}

function readIds(node: DocNode): string[] | undefined {
  return isSeq(node) && node.items.every((item) => typeof item === 'string')
    ? (node.items as string[])
    : undefined;
}

function readSubject(node: DocNode): BaselineEntry['subject'] | undefined {
  if (!isMap(node)) return undefined;
  const subject = Object.create(null) as BaselineEntry['subject'];
  for (let i = 0; i < node.keys.length; i++) {
    const value = node.values[i]!;
    if (typeof value === 'string') subject[node.keys[i]!] = value;
    else {
      const ids = readIds(value);
      if (ids === undefined) return undefined;
      subject[node.keys[i]!] = ids;
    }
  }
  return subject;
}

function field(map: DocMap, key: string): { value: DocNode; offset: number } | undefined {
  const i = map.keys.indexOf(key);
  return i < 0 ? undefined : { value: map.values[i]!, offset: map.valueOffsets[i]! };
}

/**
 * The entries of a baseline read with JSON.parse, which is several times quicker than the
 * positional parser and makes no tree of offsets, or undefined at the first doubt: then the
 * positional parser reads it and tells where each error is. JSON.parse accepts exactly the JSON
 * that parser does and gives the same values, but for one thing: of a key written twice in an
 * object, it keeps the last value where the baseline reader takes the first (or reports it), so
 * any key written twice sends the text to the positional parser.
 */
function quickBaseline(text: string): BaselineEntry[] | undefined {
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (keysParsed(root) !== keysWritten(text) || !isObject(root)) return undefined;
  if (root['version'] !== 1 && root['version'] !== BASELINE_VERSION) return undefined;
  const findings = root['findings'];
  if (!Array.isArray(findings)) return undefined;
  const entries: BaselineEntry[] = [];
  for (const written of findings as unknown[]) {
    if (!isObject(written)) return undefined;
    const { rule, fingerprint, subject } = written;
    if (typeof rule !== 'string') return undefined;
    if (typeof fingerprint !== 'string' || !FINGERPRINT.test(fingerprint)) return undefined;
    if (!isObject(subject)) return undefined;
    const entry: BaselineEntry = { rule, fingerprint, subject: Object.create(null) as never };
    for (const key of Object.keys(subject)) {
      const value = subject[key];
      if (typeof value !== 'string' && !isIdList(value)) return undefined;
      entry.subject[key] = value;
    }
    if (Object.hasOwn(written, 'entrypoints')) {
      const ids = written['entrypoints'];
      if (!isIdList(ids)) return undefined;
      entry.entrypoints = ids;
    }
    entries.push(entry);
  }
  return entries;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isIdList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((id) => typeof id === 'string');
}

/** How many keys the objects of a parsed JSON value have, all told. */
function keysParsed(root: unknown): number {
  let keys = 0;
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value !== 'object' || value === null) continue;
    if (Array.isArray(value)) {
      for (const item of value as unknown[]) if (typeof item === 'object') stack.push(item);
      continue;
    }
    const object = value as Record<string, unknown>;
    for (const key of Object.keys(object)) {
      keys++;
      if (typeof object[key] === 'object') stack.push(object[key]);
    }
  }
  return keys;
}

/** How many keys valid JSON text writes: strings followed by a colon. */
function keysWritten(text: string): number {
  let keys = 0;
  for (let open = text.indexOf('"'); open !== -1;) {
    let close = text.indexOf('"', open + 1);
    while (escapedAt(text, close)) close = text.indexOf('"', close + 1);
    let next = close + 1;
    while (isSpace(text.charCodeAt(next))) next++;
    if (text.charCodeAt(next) === 0x3a) keys++;
    open = text.indexOf('"', next);
  }
  return keys;
}

/** Whether the quote at `at` is escaped: an odd number of backslashes before it. */
function escapedAt(text: string, at: number): boolean {
  let backslashes = 0;
  while (text.charCodeAt(at - 1 - backslashes) === 0x5c) backslashes++;
  return backslashes % 2 === 1;
}

function isSpace(ch: number): boolean {
  return ch === 0x20 || ch === 0x0a || ch === 0x0d || ch === 0x09;
}
