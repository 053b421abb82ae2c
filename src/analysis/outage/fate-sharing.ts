// Monitoring that shares fate with what it watches (docs/semantics.md, "Monitoring that shares
// fate"): for each monitor M and target T, the components X ≠ M whose single failure takes down
// both — the status page hosted on S3.

import type { CompiledGraph } from '../../model/compiled-graph.js';
import type { FateSharing } from '../analysis-result.js';
import type { SweepObserver } from './outage-sweep.js';
import { intersection, lowest, withoutLowest } from '../graph/bit-mask.js';

export function fateSharingObserver(graph: CompiledGraph): {
  onChunk: NonNullable<SweepObserver['chunk']>;
  /** The services onChunk reads: monitors and their targets. */
  reads: Uint8Array;
  result: () => FateSharing[];
} {
  const pairs: Array<{ monitor: number; target: number; via: number[] }> = [];
  for (let m = 0; m < graph.n; m++) {
    const targets = new Set(graph.services[m]!.monitors.map((id) => graph.index.get(id)!));
    for (const t of [...targets].sort((a, b) => a - b))
      pairs.push({ monitor: m, target: t, via: [] });
  }
  const reads = new Uint8Array(graph.n);
  for (const pair of pairs) reads[pair.monitor] = reads[pair.target] = 1;
  const onChunk: NonNullable<SweepObserver['chunk']> = (chunk, _size, downOf) => {
    for (const pair of pairs) {
      const both = intersection(downOf(pair.monitor), downOf(pair.target));
      for (let rest = both; rest !== 0; rest = withoutLowest(rest)) {
        const x = chunk[lowest(rest)]!;
        if (x !== pair.monitor && !graph.services[x]!.virtual) pair.via.push(x);
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
  return { onChunk, reads, result };
}
