// The engine as a library, for scripts that want the answers without the command line: load a
// manifest, compile it, and ask `analyze` or `simulate`; the graph algorithms the analyses are
// built on take typed arrays and are exported too. Everything here is pure but the loader.

export {
  loadManifest,
  parseManifestText,
  ManifestError,
  ManifestErrors,
  type LoadOptions,
  type ParseOptions,
} from './manifest/load.js';
export type { Manifest, Service } from './manifest/types.js';
export { compileGraph, entryPoints, type CompiledGraph } from './model/compiled-graph.js';
export { resolveFailures, resolveSelectors, SelectorError } from './model/selector.js';
export { analyze, type AnalyzeOptions } from './analysis/analyze.js';
export type { AnalysisResult } from './analysis/analysis-result.js';
export { simulate, type SimulationResult } from './analysis/outage/simulate.js';
export { dependencyCsr, hardDependencyEdges } from './analysis/structure/graph-views.js';
export { articulationPoints, bridges } from './analysis/graph/articulation-points.js';
export { biconnectedComponents } from './analysis/graph/biconnected-components.js';
export { immediateDominators } from './analysis/graph/dominators.js';
export { stronglyConnectedComponents } from './analysis/graph/strongly-connected-components.js';
