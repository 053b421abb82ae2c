// Reads the `domains` section of a manifest: failure domains (a provider, a region of it, a zone
// of that) given a probability of their own, the chance that the whole domain fails at once
// whatever its members' own SLAs say. Names are the cumulative label prefixes that failure-domain
// analysis prints, `provider=aws,region=us-east-1`; each is checked against the services later,
// once every file's services are known.

import { byCodeUnit } from '../../compare.js';
import { describeNode, isMap, type DocNode } from '../parse/doc-node.js';
import { didYouMean } from './did-you-mean.js';
import { readNumber } from './fields.js';
import { quote } from '../parse/quote.js';
import type { SourceFile } from '../parse/source-file.js';
import type { CommonCauseDomain } from '../types.js';

const LABELS = ['provider', 'region', 'zone'] as const;
const DOMAIN_KEYS = ['sla'] as const;

export function readDomains(node: DocNode, offset: number, src: SourceFile): CommonCauseDomain[] {
  if (!isMap(node)) {
    const message = `domains must be a mapping such as { "provider=aws,region=us-east-1": { sla: 99.95 } }, not ${describeNode(node)}`;
    src.error(offset, message);
    return [];
  }
  src.dropDuplicateKeys(node);
  const domains: CommonCauseDomain[] = [];
  for (let i = 0; i < node.keys.length; i++) {
    const [name, value, keyOffset] = [node.keys[i]!, node.values[i]!, node.keyOffsets[i]!];
    const problem = domainNameProblem(name);
    if (problem !== undefined) {
      src.error(keyOffset, `domain ${quote(name)}: ${problem}`);
      continue;
    }
    const sla = readDomainBody(name, value, node.valueOffsets[i]!, src);
    if (sla !== undefined) domains.push({ domain: name, sla, position: src.position(keyOffset) });
  }
  return domains.sort((a, b) => byCodeUnit(a.domain, b.domain));
}

/** Why `name` is not provider=…[,region=…[,zone=…]], or undefined when it is. */
export function domainNameProblem(name: string): string | undefined {
  const parts = name.split(',');
  const shape = 'write it as provider=NAME, optionally followed by ,region=NAME and ,zone=NAME';
  if (parts.length > LABELS.length) return shape;
  for (let i = 0; i < parts.length; i++) {
    const eq = parts[i]!.indexOf('=');
    const value = parts[i]!.slice(eq + 1);
    if (eq <= 0 || parts[i]!.slice(0, eq) !== LABELS[i] || value === '' || value.includes('='))
      return shape;
  }
  return undefined;
}

function readDomainBody(
  name: string,
  node: DocNode,
  offset: number,
  src: SourceFile,
): number | undefined {
  if (!isMap(node)) {
    src.error(
      offset,
      `domain ${quote(name)} must be a mapping such as { sla: 99.95 }, not ${describeNode(node)}`,
    );
    return undefined;
  }
  src.dropDuplicateKeys(node);
  let sla: number | undefined;
  for (let i = 0; i < node.keys.length; i++) {
    const key = node.keys[i]!;
    if (key === 'sla') {
      sla = readNumber(
        node.values[i]!,
        node.valueOffsets[i]!,
        src,
        `domains.${name}.sla`,
        (v) => v > 0 && v <= 100,
        'more than 0 and at most 100 (percent)',
      );
    } else {
      const hint = didYouMean(key, DOMAIN_KEYS);
      src.error(node.keyOffsets[i]!, `unknown key ${quote(key)} in domain ${quote(name)}${hint}`);
    }
  }
  if (sla === undefined && !node.keys.includes('sla'))
    src.error(
      offset,
      `domain ${quote(name)} needs an sla: the percent of time it is up as a whole`,
    );
  return sla;
}
