// A CloudFormation template file as plain data: JSON, or YAML whose short-form tags (`!Ref`,
// `!GetAtt A.B`, `!Sub`, `!Select`, `!GetAZs`…) become the long form (`{"Fn::GetAtt": ["A","B"]}`),
// with the line and column of each resource for messages. A tag CloudFormation does not define
// (a pre-processor's `!Rain::Embed`) is kept as an opaque value and reported. Built without
// recursion, so a deeply nested file cannot overflow the stack.

import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Document,
  type Node,
} from 'yaml';
import type { Diagnostics } from '../shared/diagnostics.js';
import { isRecord } from '../shared/values.js';

export interface TemplateText {
  value: Record<string, unknown>;
  /** Logical id -> where its entry under Resources starts. */
  places: Map<string, { line: number; column: number }>;
}

const FUNCTIONS = new Set([
  'Base64',
  'Cidr',
  'FindInMap',
  'GetAtt',
  'GetAZs',
  'ImportValue',
  'Join',
  'Select',
  'Split',
  'Sub',
  'Transform',
  'If',
  'Equals',
  'And',
  'Or',
  'Not',
  'Length',
  'ToJsonString',
]);

/** The intrinsic-function tags as the yaml package's custom tags: kept on the node, no warning. */
const CUSTOM_TAGS = ['Ref', 'Condition', ...FUNCTIONS].flatMap((name) => [
  { tag: `!${name}`, resolve: (value: string) => value },
  { tag: `!${name}`, collection: 'seq' as const, resolve: (value: unknown) => value },
  { tag: `!${name}`, collection: 'map' as const, resolve: (value: unknown) => value },
]);

/** The most nodes a template may expand to (aliases included). */
const MAX_NODES = 2_000_000;

export function readTemplate(
  text: string,
  file: string,
  diagnostics: Diagnostics,
): TemplateText | undefined {
  if (/^\s*\{/.test(text)) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
      diagnostics.error({ file }, `not valid JSON: ${message}`);
      return undefined;
    }
    if (!isRecord(value)) {
      diagnostics.error({ file }, 'not a CloudFormation template: the JSON is not an object');
      return undefined;
    }
    return { value, places: new Map() };
  }
  const lines = new LineCounter();
  let document;
  try {
    document = parseDocument(text, {
      lineCounter: lines,
      uniqueKeys: false,
      merge: true,
      customTags: CUSTOM_TAGS as never,
    });
  } catch (error) {
    diagnostics.error({ file }, `cannot parse the YAML: ${String(error).split('\n')[0]}`);
    return undefined;
  }
  const problem = document.errors[0];
  if (problem !== undefined) {
    const { line, col } = lines.linePos(problem.pos[0]);
    diagnostics.error(
      { file, line, column: col },
      `YAML syntax error: ${problem.message.split('\n')[0]}`,
    );
    return undefined;
  }
  const unknownTags = new Map<string, number>();
  const value = toPlain(document.contents as Node | null, document, (tag, offset) => {
    if (!unknownTags.has(tag)) unknownTags.set(tag, offset);
  });
  if (value === TOO_BIG) {
    diagnostics.error({ file }, `the template expands to more than ${MAX_NODES} values`);
    return undefined;
  }
  for (const [tag, offset] of unknownTags) {
    const { line, col } = lines.linePos(offset);
    diagnostics.warning(
      { file, line, column: col },
      `tag ${tag} is not CloudFormation; its value is left unread`,
    );
  }
  if (!isRecord(value)) {
    diagnostics.error({ file }, 'not a CloudFormation template: the document is not a mapping');
    return undefined;
  }
  const places = new Map<string, { line: number; column: number }>();
  const resources = isMap(document.get('Resources', true))
    ? document.get('Resources', true)
    : undefined;
  if (isMap(resources)) {
    for (const item of resources.items) {
      if (isPair(item) && isScalar(item.key) && item.key.range) {
        const { line, col } = lines.linePos(item.key.range[0]);
        places.set(String(item.key.value), { line, column: col });
      }
    }
  }
  return { value, places };
}

const TOO_BIG = Symbol('too big');

/** The node as plain data, tags turned into intrinsic functions; explicit stack, no recursion. */
function toPlain(
  root: Node | null,
  document: Document.Parsed,
  onUnknownTag: (tag: string, offset: number) => void,
): unknown {
  const holder: { value: unknown } = { value: null };
  type Task = { node: unknown; set: (value: unknown) => void };
  const stack: Task[] = [{ node: root, set: (v) => (holder.value = v) }];
  let count = 0;
  while (stack.length > 0) {
    const { node, set } = stack.pop()!;
    if (++count > MAX_NODES) return TOO_BIG;
    let target: unknown = node;
    if (isAlias(target)) target = target.resolve(document);
    const tag = (target as { tag?: string } | null)?.tag;
    const wrap = tagWrapper(
      tag,
      (target as { range?: number[] } | null)?.range?.[0] ?? 0,
      onUnknownTag,
    );
    if (isScalar(target)) {
      let value = target.value;
      if (tag === '!GetAtt' && typeof value === 'string') {
        const dot = value.indexOf('.');
        value = dot < 0 ? [value] : [value.slice(0, dot), value.slice(dot + 1)];
      }
      set(wrap(value ?? null));
    } else if (isSeq(target)) {
      const list: unknown[] = new Array(target.items.length);
      set(wrap(list));
      target.items.forEach((item, i) => stack.push({ node: item, set: (v) => (list[i] = v) }));
    } else if (isMap(target)) {
      const map: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
      set(wrap(map));
      for (const pair of target.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        if (key === '<<') continue;
        map[key] = null; // keeps the keys in the file's order
        stack.push({ node: pair.value, set: (v) => (map[key] = v) });
      }
    } else set(null);
  }
  return holder.value;
}

function tagWrapper(
  tag: string | undefined,
  offset: number,
  onUnknownTag: (tag: string, offset: number) => void,
): (value: unknown) => unknown {
  if (tag === undefined || !tag.startsWith('!') || tag.startsWith('!!')) return (v) => v;
  const name = tag.slice(1);
  if (name === 'Ref') return (v) => ({ Ref: v });
  if (name === 'Condition') return (v) => ({ Condition: v });
  if (FUNCTIONS.has(name)) return (v) => ({ [`Fn::${name}`]: v });
  onUnknownTag(tag, offset);
  return () => ({ 'Fn::Unknown': tag });
}
