// Entry points × failure domains: the state of every entry point when one provider, region or
// zone fails whole, for the architecture-review report. Same propagation as `simulate`.

import { byCodeUnit } from '../../compare.js';
import type { AnalysisResult } from '../analysis-result.js';
import type { CompiledGraph } from '../../model/compiled-graph.js';
import { failureDomains } from './failure-domains.js';
import { DEGRADED, Propagator, UP } from './propagate.js';

/** The state of one entry point when one failure domain fails whole. */
export type MatrixCell = 'down' | 'degraded' | 'survives';

/** Entry points × failure domains; only domains that touch at least one entry point. */
export interface DomainMatrix {
  entrypoints: string[];
  domains: string[];
  /** cells[row][column]. */
  cells: MatrixCell[][];
  /** Domains that touch an entry point but did not fit (the least harmful ones). */
  omittedDomains: number;
  /** Entry points that did not fit (in id order, the last ones). */
  omittedEntrypoints: number;
}

/** A matrix a reader can take in: more columns or rows than this are counted, not drawn. */
export const MATRIX_MAX_DOMAINS = 40;
export const MATRIX_MAX_ENTRYPOINTS = 100;

/**
 * Fails each failure domain whole with the same propagation `simulate` uses and reads the state
 * of every entry point. A domain's "down" cells are exactly its `takesDown` in the result.
 */
export function domainMatrix(graph: CompiledGraph, result: AnalysisResult): DomainMatrix {
  const entries = result.entrypoints.map((id) => graph.index.get(id)!);
  const propagator = new Propagator(graph);
  const columns: Array<{ domain: string; cells: MatrixCell[]; harm: number }> = [];
  for (const { domain, members } of failureDomains(graph)) {
    propagator.run(members);
    let harm = 0;
    const cells = entries.map((e): MatrixCell => {
      const status = propagator.status(e);
      if (status === UP) return 'survives';
      harm += status === DEGRADED ? 1 : entries.length + 1;
      return status === DEGRADED ? 'degraded' : 'down';
    });
    if (harm > 0) columns.push({ domain, cells, harm });
  }
  const kept = [...columns]
    .sort((a, b) => b.harm - a.harm || byCodeUnit(a.domain, b.domain))
    .slice(0, MATRIX_MAX_DOMAINS)
    .sort((a, b) => byCodeUnit(a.domain, b.domain));
  const rows = Math.min(entries.length, MATRIX_MAX_ENTRYPOINTS);
  return {
    entrypoints: result.entrypoints.slice(0, rows),
    domains: kept.map((c) => c.domain),
    cells: result.entrypoints.slice(0, rows).map((_, row) => kept.map((c) => c.cells[row]!)),
    omittedDomains: columns.length - kept.length,
    omittedEntrypoints: entries.length - rows,
  };
}
