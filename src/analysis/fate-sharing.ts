// Monitoring that shares fate with what it watches (SPEC §4): for each monitor M and target T,
// the components X ≠ M whose single failure takes down both — the status page hosted on S3.

import type { CompiledGraph } from '../model/compiled-graph.js';
import type { FateSharing } from './analysis-result.js';
import { DOWN, FAILED } from './propagate.js';
import type { SingleFailureObserver } from './single-failures.js';

export function fateSharingObserver(graph: CompiledGraph): {
  observer: SingleFailureObserver;
  result: () => FateSharing[];
} {
  const targetsOf = new Map<number, number[]>();
  for (let m = 0; m < graph.n; m++) {
    const targets = graph.services[m]!.monitors.map((id) => graph.index.get(id)!);
    if (targets.length > 0)
      targetsOf.set(
        m,
        [...new Set(targets)].sort((a, b) => a - b),
      );
  }
  const via = new Map<string, number[]>();
  const observer: SingleFailureObserver = (x, propagator) => {
    if (targetsOf.size === 0) return;
    for (let i = 0; i < propagator.downCount; i++) {
      const m = propagator.touched[i]!;
      const targets = targetsOf.get(m);
      if (m === x || targets === undefined) continue;
      for (const t of targets) {
        const status = propagator.status(t);
        if (status !== DOWN && status !== FAILED) continue;
        const key = `${m} ${t}`;
        const list = via.get(key);
        if (list) list.push(x);
        else via.set(key, [x]);
      }
    }
  };
  const result = (): FateSharing[] => {
    const pairs = [...via].map(([key, xs]) => {
      const [m, t] = key.split(' ').map(Number) as [number, number];
      return { m, t, xs };
    });
    pairs.sort((a, b) => a.m - b.m || a.t - b.t);
    return pairs.map(({ m, t, xs }) => ({
      monitor: graph.ids[m]!,
      target: graph.ids[t]!,
      via: xs.map((x) => graph.ids[x]!),
    }));
  };
  return { observer, result };
}
