// Reads the top level of one manifest file (docs/semantics.md, "The manifest"): version, name,
// include, defaults, policy, domains, overlays and the services mapping, whose entries are read
// later, once the ids of every file are known.

import { describeNode, isMap, isSeq, type DocMap, type DocNode } from '../parse/doc-node.js';
import { didYouMean } from '../fields/did-you-mean.js';
import { readLabel, readSharedField, showValue, type SharedFields } from '../fields/fields.js';
import { DEFAULT_KEYS, isDefaultKey, TOP_LEVEL_KEYS } from '../fields/keys.js';
import { readDomains } from '../fields/domains.js';
import { readPolicy } from '../fields/policy.js';
import { quote } from '../parse/quote.js';
import type { PlainServices } from '../parse/services-json.js';
import type { SourceFile } from '../parse/source-file.js';
import type { CommonCauseDomain, Policy } from '../types.js';

export interface IncludePattern {
  pattern: string;
  offset: number;
}

export interface ManifestFile {
  readonly src: SourceFile;
  name?: string;
  includes: IncludePattern[];
  defaults: SharedFields;
  /**
   * The `services` mapping: ids, where they are written, and the services' bodies. Repeated ids
   * are left in: the check across files reports them, with a linear Map (100,000 ids).
   */
  services?: DocMap;
  /**
   * The services as JSON.parse read them, for the quick read; `services` is then an empty
   * stand-in. Cleared when the quick read gives way to the positional one.
   */
  plain?: PlainServices;
  policy?: Policy;
  /** Where `policy:` is written, to refuse it in an included file. */
  policyOffset?: number;
  domains?: CommonCauseDomain[];
  /** Where `domains:` is written, to refuse it in an included file. */
  domainsOffset?: number;
  /** The `overlays` list, applied once every file's services are read; and where it is. */
  overlays?: { node: DocNode; offset: number; keyOffset: number };
}

export function readManifestFile(src: SourceFile, root: DocNode, rootOffset: number): ManifestFile {
  const file: ManifestFile = { src, includes: [], defaults: {} };
  if (!isMap(root)) {
    const message = `a manifest must be a mapping with version and services, not ${describeNode(root)}`;
    src.error(rootOffset, message);
    return file;
  }
  src.dropDuplicateKeys(root);
  for (let i = 0; i < root.keys.length; i++) {
    const key = root.keys[i]!;
    const value = root.values[i]!;
    const offset = root.valueOffsets[i]!;
    if (key === 'version') readVersion(value, offset, src);
    else if (key === 'name') file.name = readLabel(value, offset, src, key);
    else if (key === 'include') file.includes = readIncludes(value, offset, src);
    else if (key === 'defaults') file.defaults = readDefaults(value, offset, src);
    else if (key === 'services') file.services = readServicesMap(value, offset, src);
    else if (key === 'overlays') {
      file.overlays = { node: value, offset, keyOffset: root.keyOffsets[i]! };
    } else if (key === 'domains') {
      file.domainsOffset = root.keyOffsets[i]!;
      file.domains = readDomains(value, offset, src);
    } else if (key === 'policy') {
      file.policyOffset = root.keyOffsets[i]!;
      const policy = readPolicy(value, offset, src);
      if (policy !== undefined) file.policy = policy;
    } else {
      const hint = didYouMean(key, TOP_LEVEL_KEYS);
      src.error(root.keyOffsets[i]!, `unknown top-level key ${quote(key)}${hint}`);
    }
  }
  if (file.name === undefined) delete file.name;
  if (!root.keys.includes('version')) {
    src.error(root.offset, 'missing version: add `version: 1` (the manifest format version)');
  }
  if (!root.keys.includes('services')) {
    src.error(root.offset, 'missing services: the mapping of service ids to services');
  }
  return file;
}

function readVersion(node: DocNode, offset: number, src: SourceFile): void {
  if (node === 1) return;
  const message = `version must be 1 (the only manifest format version so far), not ${showValue(node)}`;
  src.error(offset, message);
}

function readIncludes(node: DocNode, offset: number, src: SourceFile): IncludePattern[] {
  if (!isSeq(node)) {
    src.error(offset, `include must be a list of file patterns, not ${describeNode(node)}`);
    return [];
  }
  const patterns: IncludePattern[] = [];
  for (let i = 0; i < node.items.length; i++) {
    const itemOffset = node.offsets[i]!;
    const pattern = readLabel(node.items[i]!, itemOffset, src, 'each entry of include');
    if (pattern !== undefined) patterns.push({ pattern, offset: itemOffset });
  }
  return patterns;
}

function readDefaults(node: DocNode, offset: number, src: SourceFile): SharedFields {
  const defaults: SharedFields = {};
  if (!isMap(node)) {
    src.error(offset, `defaults must be a mapping, not ${describeNode(node)}`);
    return defaults;
  }
  src.dropDuplicateKeys(node);
  for (let i = 0; i < node.keys.length; i++) {
    const key = node.keys[i]!;
    if (isDefaultKey(key))
      readSharedField(key, node.values[i]!, node.valueOffsets[i]!, src, defaults);
    else {
      const hint = didYouMean(key, DEFAULT_KEYS);
      src.error(node.keyOffsets[i]!, `${quote(key)} cannot have a default${hint}`);
    }
  }
  return defaults;
}

function readServicesMap(node: DocNode, offset: number, src: SourceFile): DocMap | undefined {
  if (isMap(node)) return node;
  const message = `services must be a mapping of service ids to services, not ${describeNode(node)}`;
  src.error(offset, message);
  return undefined;
}
