// Reads `policy.objectives`: recovery targets per kind of disruption (component, zone, region,
// provider), each `{ rto, rpo }` in durations, for every entry point, and optionally per tier
// (`critical: { region: { rto: 1h } }`), a tier's target replacing the general one.

import { describeNode, isMap, type DocMap, type DocNode } from '../parse/doc-node.js';
import { didYouMean } from './did-you-mean.js';
import { readDuration } from './fields.js';
import { OBJECTIVE_KEYS } from './keys.js';
import { quote } from '../parse/quote.js';
import type { SourceFile } from '../parse/source-file.js';
import {
  DISRUPTION_KINDS,
  TIERS,
  type DisruptionKind,
  type RecoveryObjective,
  type RecoveryObjectives,
  type RecoveryTargets,
  type Tier,
} from '../types.js';

const OBJECTIVES_KEYS: readonly string[] = [...DISRUPTION_KINDS, ...TIERS];

export function readObjectives(
  node: DocNode,
  offset: number,
  src: SourceFile,
): RecoveryObjectives | undefined {
  if (!isMap(node)) {
    src.error(
      offset,
      `policy.objectives must be a mapping such as { region: { rto: 4h, rpo: 1h } }, not ${describeNode(node)}`,
    );
    return undefined;
  }
  src.dropDuplicateKeys(node);
  const objectives: RecoveryObjectives = { targets: {}, tiers: {} };
  for (let i = 0; i < node.keys.length; i++) {
    const key = node.keys[i]!;
    const [value, valueOffset] = [node.values[i]!, node.valueOffsets[i]!];
    if (isKind(key)) {
      const objective = readObjective(value, valueOffset, src, key);
      if (objective !== undefined) objectives.targets[key] = objective;
    } else if ((TIERS as readonly string[]).includes(key)) {
      objectives.tiers[key as Tier] = readTierTargets(value, valueOffset, src, key);
    } else {
      const hint = didYouMean(key, OBJECTIVES_KEYS);
      src.error(
        node.keyOffsets[i]!,
        `unknown key ${quote(key)} in policy.objectives: a kind of disruption (${DISRUPTION_KINDS.join(', ')}) or a tier (${TIERS.join(', ')})${hint}`,
      );
    }
  }
  return objectives;
}

function isKind(key: string): key is DisruptionKind {
  return (DISRUPTION_KINDS as readonly string[]).includes(key);
}

function readTierTargets(
  node: DocNode,
  offset: number,
  src: SourceFile,
  tier: string,
): RecoveryTargets {
  const targets: RecoveryTargets = {};
  if (!isMap(node)) {
    src.error(
      offset,
      `policy.objectives.${tier} must be a mapping of kinds of disruption (${DISRUPTION_KINDS.join(', ')}), not ${describeNode(node)}`,
    );
    return targets;
  }
  src.dropDuplicateKeys(node);
  for (let i = 0; i < node.keys.length; i++) {
    const key = node.keys[i]!;
    if (!isKind(key)) {
      const hint = didYouMean(key, DISRUPTION_KINDS);
      src.error(
        node.keyOffsets[i]!,
        `unknown key ${quote(key)} in policy.objectives.${tier}: a kind of disruption (${DISRUPTION_KINDS.join(', ')})${hint}`,
      );
      continue;
    }
    const objective = readObjective(node.values[i]!, node.valueOffsets[i]!, src, `${tier}.${key}`);
    if (objective !== undefined) targets[key] = objective;
  }
  return targets;
}

function readObjective(
  node: DocNode,
  offset: number,
  src: SourceFile,
  name: string,
): RecoveryObjective | undefined {
  if (!isMap(node) || node.keys.length === 0) {
    const found = isMap(node) ? 'an empty mapping' : describeNode(node);
    src.error(
      offset,
      `policy.objectives.${name} must be a mapping with rto, rpo or both (durations), not ${found}`,
    );
    return undefined;
  }
  return readTargets(node, offset, src, name);
}

function readTargets(
  map: DocMap,
  offset: number,
  src: SourceFile,
  name: string,
): RecoveryObjective | undefined {
  src.dropDuplicateKeys(map);
  const objective: RecoveryObjective = { position: src.position(offset) };
  let ok = true;
  for (let i = 0; i < map.keys.length; i++) {
    const key = map.keys[i]!;
    if (key !== 'rto' && key !== 'rpo') {
      const hint = didYouMean(key, OBJECTIVE_KEYS);
      src.error(
        map.keyOffsets[i]!,
        `unknown key ${quote(key)} in policy.objectives.${name}${hint}`,
      );
      ok = false;
      continue;
    }
    const seconds = readDuration(map.values[i]!, map.valueOffsets[i]!, src, key);
    if (seconds === undefined) ok = false;
    else objective[key] = seconds;
  }
  if (!ok) return undefined;
  // One key order whatever the manifest's: rto, rpo, position.
  const ordered: RecoveryObjective = {} as RecoveryObjective;
  if (objective.rto !== undefined) ordered.rto = objective.rto;
  if (objective.rpo !== undefined) ordered.rpo = objective.rpo;
  ordered.position = objective.position;
  return ordered;
}
