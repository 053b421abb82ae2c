// Monitoring that shares fate with what it watches (docs/semantics.md, "Monitoring that shares
// fate"): for each monitor M and target T, the components X ≠ M whose single failure takes down
// both — the status page hosted on S3.

import type { CompiledGraph } from '../../model/compiled-graph.js';
import type { FateSharing } from '../analysis-result.js';
import type { ChunkObserver } from './outage-sweep.js';
import { intersection, lowest, withoutLowest } from '../graph/bit-mask.js';

export function fateSharingObserver(graph: CompiledGraph): {
  chunks: ChunkObserver;
  result: () => FateSharing[];
} {
  const pairs: Array<{ monitor: number; target: number; via: number[] }> = [];
  for (let m = 0; m < graph.n; m++) {
    const { monitors } = graph.services[m]!;
    if (monitors.length === 0) continue; // most services: no set or list to make
    const targets = new Set(monitors.map((id) => graph.index.get(id)!));
    for (const t of [...targets].sort((a, b) => a - b))
      pairs.push({ monitor: m, target: t, via: [] });
  }
  // Only a monitor that is down can share fate with its target: pairs by monitor, so that a
  // chunk visits the pairs of the monitors it took down and no others.
  const pairsOf = new Map<number, typeof pairs>();
  const reads = new Uint8Array(graph.n);
  for (const pair of pairs) {
    reads[pair.monitor] = reads[pair.target] = 1;
    const list = pairsOf.get(pair.monitor);
    if (list) list.push(pair);
    else pairsOf.set(pair.monitor, [pair]);
  }
  const seen: ChunkObserver['seen'] = (chunk, _size, down, downOf) => {
    for (const monitor of down) {
      const mask = downOf(monitor);
      if (mask === 0) continue;
      for (const pair of pairsOf.get(monitor) ?? []) {
        const both = intersection(mask, downOf(pair.target));
        for (let rest = both; rest !== 0; rest = withoutLowest(rest)) {
          const x = chunk[lowest(rest)]!;
          if (x !== pair.monitor && !graph.services[x]!.virtual) pair.via.push(x);
        }
      }
    }
  };
  const result = (): FateSharing[] =>
    pairs
      .filter((pair) => pair.via.length > 0)
      .map((pair) => ({
        monitor: graph.ids[pair.monitor]!,
        target: graph.ids[pair.target]!,
        via: pair.via.sort((a, b) => a - b).map((x) => graph.ids[x]!),
      }));
  return { chunks: { reads, seen }, result };
}
