// YAML to DocNodes with offsets, via the yaml package's document API, expanding aliases on a
// budget. Duplicate keys are left to the validator: the package's own check is quadratic.

import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import type { Alias, Node as YamlNode, YAMLError } from 'yaml';
import {
  newMap,
  newSeq,
  type DocNode,
  type ParseResult,
  type Problem,
  type ScalarValue,
} from './doc-node.js';
import { MAX_ALIAS_EXPANSION_NODES } from './limits.js';

const PARSE_OPTIONS = {
  // Quadratic in the keys of one mapping; the validator checks instead (dropDuplicateKeys).
  uniqueKeys: false,
  prettyErrors: false,
  version: '1.2',
} as const;

let yaml: typeof Yaml | undefined;

/**
 * The yaml package, loaded the first time YAML is read (synchronously, as parsing is): reading
 * a JSON manifest never pays for loading it.
 */
function yamlPackage(): typeof Yaml {
  return (yaml ??= createRequire(import.meta.url)('yaml') as typeof Yaml);
}

const NESTING_MESSAGE = 'the document is nested too deeply to parse';

/**
 * Parses one YAML document. A syntax error means no root (the tree would be guesswork); an
 * unknown alias is reported beside a root, so validation can go on.
 */
export function parseYaml(text: string): ParseResult {
  let document;
  try {
    document = yamlPackage().parseDocument(text, PARSE_OPTIONS);
  } catch (error) {
    // The package catches most stack overflows itself; this is the safety net for the rest.
    if (error instanceof RangeError) return { problems: [{ offset: 0, message: NESTING_MESSAGE }] };
    throw error;
  }
  const problems = [...document.errors, ...document.warnings].map(yamlProblem);
  if (problems.length > 0) return { problems };
  const contents: unknown = document.contents;
  if (contents === null || contents === undefined) {
    return { problems: [{ offset: 0, message: 'the file holds no YAML document, only comments' }] };
  }
  return new YamlConverter().convert(contents);
}

function yamlProblem(error: YAMLError): Problem {
  const offset = error.pos[0];
  if (error.code === 'MULTIPLE_DOCS') {
    return { offset, message: 'a manifest is a single YAML document; found a second one here' };
  }
  if (/call stack/i.test(error.message)) return { offset, message: NESTING_MESSAGE };
  const firstLine = error.message.split('\n', 1)[0] ?? '';
  const kind = error.name === 'YAMLWarning' ? 'YAML' : 'YAML syntax error';
  return { offset, message: `${kind}: ${firstLine}` };
}

/** Where a converted node goes: index `index` of a list's items or a mapping's values. */
interface Frame {
  source: unknown;
  holder: DocNode[];
  index: number;
  /**
   * Inside an alias expansion: the offset of the outermost alias being expanded (where a
   * runaway expansion is reported). Such nodes count against the budget and define no anchors.
   */
  expandedFrom: number | undefined;
}

class YamlConverter {
  private readonly yaml = yamlPackage();
  private readonly anchors = new Map<string, unknown>();
  /** Each alias resolves once, against the anchors defined before it in document order. */
  private readonly aliasTargets = new Map<Alias, unknown>();
  private readonly problems: Problem[] = [];
  private readonly stack: Frame[] = [];
  private expansionLeft = MAX_ALIAS_EXPANSION_NODES;

  convert(contents: unknown): ParseResult {
    const top: DocNode[] = [null];
    this.stack.push({ source: contents, holder: top, index: 0, expandedFrom: undefined });
    // Children are pushed in reverse, so frames pop in document order (anchors before aliases).
    for (let frame = this.stack.pop(); frame; frame = this.stack.pop()) {
      if (!this.step(frame)) return { problems: this.problems };
    }
    return { root: top[0]!, rootOffset: offsetOf(contents), problems: this.problems };
  }

  private step(frame: Frame): boolean {
    let source = frame.source;
    let expandedFrom = frame.expandedFrom;
    if (this.yaml.isAlias(source)) {
      const target = this.resolve(source);
      if (target === undefined) {
        const message = `unknown alias *${source.source}`;
        this.problems.push({ offset: offsetOf(source), message });
        return true;
      }
      source = target;
      expandedFrom ??= offsetOf(frame.source);
    } else if (expandedFrom === undefined && hasAnchor(source)) {
      this.anchors.set(source.anchor, source);
    }
    if (expandedFrom !== undefined && --this.expansionLeft < 0) {
      const message = `aliases expand to more than ${MAX_ALIAS_EXPANSION_NODES} nodes (an alias bomb, or an alias inside its own anchor)`;
      this.problems.push({ offset: expandedFrom, message });
      return false;
    }
    frame.holder[frame.index] = this.makeNode(source, expandedFrom);
    return true;
  }

  private resolve(alias: Alias): unknown {
    if (!this.aliasTargets.has(alias)) this.aliasTargets.set(alias, this.anchors.get(alias.source));
    return this.aliasTargets.get(alias);
  }

  private makeNode(source: unknown, expandedFrom: number | undefined): DocNode {
    if (this.yaml.isScalar(source)) {
      const value = source.value;
      if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) {
        return value as ScalarValue;
      }
      this.problems.push({
        offset: offsetOf(source),
        message: `unsupported YAML value of type ${typeof value}`,
      });
    } else if (this.yaml.isSeq(source)) {
      const seq = newSeq(offsetOf(source));
      for (const item of source.items) {
        seq.items.push(null);
        seq.offsets.push(offsetOf(item));
      }
      this.pushChildren(source.items, seq.items, expandedFrom);
      return seq;
    } else if (this.yaml.isMap(source)) {
      return this.makeMap(source.items, offsetOf(source), expandedFrom);
    } else {
      this.problems.push({ offset: offsetOf(source), message: 'unsupported YAML node' });
    }
    return null;
  }

  private makeMap(
    pairs: readonly { key: unknown; value: unknown }[],
    offset: number,
    expandedFrom: number | undefined,
  ) {
    const map = newMap(offset);
    const sources: unknown[] = [];
    for (const pair of pairs) {
      const keyOffset = offsetOf(pair.key);
      const key = keyText(pair.key);
      if (key === undefined) {
        this.problems.push({ offset: keyOffset, message: 'a key must be a plain string' });
        continue;
      }
      map.keys.push(key);
      map.keyOffsets.push(keyOffset);
      map.values.push(null);
      // `s3-use1:` with nothing after it: the null sits where the key is.
      map.valueOffsets.push(
        pair.value === null || pair.value === undefined ? keyOffset : offsetOf(pair.value),
      );
      sources.push(pair.value);
    }
    this.pushChildren(sources, map.values, expandedFrom);
    return map;
  }

  private pushChildren(
    sources: readonly unknown[],
    holder: DocNode[],
    expandedFrom: number | undefined,
  ): void {
    for (let i = sources.length - 1; i >= 0; i--) {
      const source = sources[i];
      if (source !== null && source !== undefined)
        this.stack.push({ source, holder, index: i, expandedFrom });
    }
  }
}

function offsetOf(node: unknown): number {
  return (node as YamlNode | null)?.range?.[0] ?? 0;
}

function hasAnchor(node: unknown): node is YamlNode & { anchor: string } {
  return typeof (node as YamlNode | null)?.anchor === 'string';
}

/** Keys as written: `007: …` is the id "007", not the number 7. */
function keyText(key: unknown): string | undefined {
  if (!yamlPackage().isScalar(key)) return undefined;
  if (typeof key.value === 'string') return key.value;
  return key.source ?? String(key.value);
}
