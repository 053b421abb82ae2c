// What the `report` command renders, assembled (the analyses it needs run in src/analysis): the
// analysis result (every number in the report comes from it), the compiled graph, the
// failure-domain matrix, the bounded picture of the risky part of the graph, and, for HTML, the
// page's bundled script and the layout computed ahead of time.

import type { AnalysisResult } from '../../analysis/analysis-result.js';
import { spofNeighbourhood } from '../../analysis/diff/neighbourhood.js';
import type { Neighbourhood } from '../../analysis/diff/diff-result.js';
import { domainMatrix, type DomainMatrix } from '../../analysis/outage/domain-matrix.js';
import type { CompiledGraph } from '../../model/compiled-graph.js';
import type { Layout } from './layout.js';

/** What the HTML page needs beyond the result: its script and the node positions. */
export interface PageAssets {
  script: string;
  layout: Layout;
}

export interface ReportInput {
  result: AnalysisResult;
  graph: CompiledGraph;
  matrix: DomainMatrix;
  /** Entry points, their single points of failure and the hard paths between them. */
  risky: Neighbourhood;
  /** Set for HTML only. */
  page: PageAssets | null;
}

export function buildReportInput(
  graph: CompiledGraph,
  result: AnalysisResult,
  page: PageAssets | null = null,
): ReportInput {
  return {
    result,
    graph,
    matrix: domainMatrix(graph, result),
    risky: spofNeighbourhood(graph, result),
    page,
  };
}
