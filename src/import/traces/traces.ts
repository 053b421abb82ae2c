// import/traces/ — a manifest from Jaeger's dependency links.
//
// `import traces`: Jaeger's dependency links (`/api/dependencies`: parent, child, callCount) to
// a manifest in which every caller depends on what it calls, links below --min-calls left out.

import { byCodeUnit } from '../../compare.js';
import { Diagnostics } from '../shared/diagnostics.js';
import {
  importResult,
  newService,
  type ImportResult,
  type ImportedService,
  type SourceText,
} from '../shared/imported-manifest.js';
import { assignIds } from '../shared/service-ids.js';
import { describeValue, isRecord } from '../shared/values.js';
import { parseYamlDocuments, type YamlDocument, type YamlPath } from '../shared/yaml-documents.js';

export interface TracesOptions {
  /** Links with fewer calls are left out; default 0 (keep every link). */
  minCalls?: number;
}

interface Link {
  parent: string;
  child: string;
  callCount: number;
}

const SHAPE = 'a list of {parent, child, callCount} links, or {"data": [...]} as Jaeger returns it';

export function importTraces(input: SourceText, options: TracesOptions = {}): ImportResult {
  const diagnostics = new Diagnostics();
  const links = readLinks(input, diagnostics);
  const minCalls = options.minCalls ?? 0;
  const calls = new Map<string, Map<string, number>>();
  let selfLinks = 0;
  let belowThreshold = 0;
  for (const link of sumLinks(links)) {
    if (link.parent === link.child) selfLinks++;
    else if (link.callCount < minCalls) belowThreshold++;
    else {
      let callees = calls.get(link.parent);
      if (!callees) calls.set(link.parent, (callees = new Map()));
      callees.set(link.child, link.callCount);
    }
  }
  const names = new Set<string>();
  for (const [parent, callees] of calls) {
    names.add(parent);
    for (const child of callees.keys()) names.add(child);
  }
  const ids = assignIds([...names].map((name) => ({ key: name, candidates: [name] })));
  const services: ImportedService[] = [];
  for (const name of names) {
    const service = newService(ids.get(name)!);
    if (service.id !== name) service.notes.push(`Jaeger service ${JSON.stringify(name)}`);
    for (const [child, count] of calls.get(name) ?? []) {
      service.dependsOn.push({ anyOf: [ids.get(child)!], soft: false, note: `${count} calls` });
    }
    services.push(service);
  }
  const caveats = [
    'Each caller depends (hard) on every service it called in the traced window; the comments',
    'give the call counts. Traces show what was called, not what is required: mark optional',
    'calls `soft: true` and add what traces cannot see (databases, DNS, cloud services) by hand.',
  ];
  if (minCalls > 0)
    caveats.push(`Links with fewer than ${minCalls} calls are left out (${belowThreshold}).`);
  if (selfLinks > 0) caveats.push(`Calls of a service to itself are left out (${selfLinks}).`);
  return importResult('traces', [input], caveats, services, diagnostics);
}

function readLinks(input: SourceText, diagnostics: Diagnostics): Link[] {
  const documents = parseYamlDocuments(input.text, input.file, diagnostics);
  if (diagnostics.hasErrors) return [];
  if (documents.length !== 1) {
    const found = documents.length === 0 ? 'nothing' : `${documents.length} documents`;
    diagnostics.error({ file: input.file }, `expected ${SHAPE}; found ${found}`);
    return [];
  }
  const document = documents[0]!;
  let list = document.value;
  let path: YamlPath = [];
  if (isRecord(list) && 'data' in list) {
    list = list['data'];
    path = ['data'];
  }
  if (!Array.isArray(list)) {
    diagnostics.error(document.place(path), `expected ${SHAPE}, not ${describeValue(list)}`);
    return [];
  }
  const links: Link[] = [];
  list.forEach((item: unknown, index) => {
    const link = readLink(item, [...path, index], document, diagnostics);
    if (link) links.push(link);
  });
  return links;
}

function readLink(
  item: unknown,
  path: YamlPath,
  document: YamlDocument,
  diagnostics: Diagnostics,
): Link | undefined {
  if (!isRecord(item)) {
    diagnostics.error(
      document.place(path),
      `a link is a mapping of parent, child and callCount, not ${describeValue(item)}`,
    );
    return undefined;
  }
  const { parent, child, callCount } = item;
  for (const [key, value] of [
    ['parent', parent],
    ['child', child],
  ] as const) {
    if (typeof value !== 'string' || value.trim() === '') {
      const found = typeof value === 'string' ? 'an empty string' : describeValue(value);
      diagnostics.error(
        document.place([...path, key]),
        `${key} must be a service name, not ${found}`,
      );
      return undefined;
    }
  }
  if (typeof callCount !== 'number' || !Number.isFinite(callCount) || callCount < 0) {
    const found = typeof callCount === 'number' ? String(callCount) : describeValue(callCount);
    diagnostics.error(
      document.place([...path, 'callCount']),
      `callCount must be a number of calls, not ${found}`,
    );
    return undefined;
  }
  return { parent: parent as string, child: child as string, callCount };
}

/** One link per caller and callee, their call counts added up, in a fixed order. */
function sumLinks(links: readonly Link[]): Link[] {
  const sums = new Map<string, Link>();
  for (const link of links) {
    const key = `${link.parent}\u0000${link.child}`;
    const earlier = sums.get(key);
    if (earlier) earlier.callCount += link.callCount;
    else sums.set(key, { ...link });
  }
  return [...sums.entries()].sort(([a], [b]) => byCodeUnit(a, b)).map(([, link]) => link);
}
