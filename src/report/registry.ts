// Every reporter, by command and format. The `--format` choices and their help text come from
// here: adding a format is adding one file and one line. Each reporter is loaded when its format
// is chosen, so a command pays only for the one it writes.

import type { AnalysisResult } from '../analysis/analysis-result.js';
import type { CheckResult } from '../analysis/gate/check-result.js';
import type { DiffResult } from '../analysis/diff/diff-result.js';
import type { SimulateReport } from '../analysis/outage/simulate.js';
import type { ChaosResult } from '../analysis/reliability/chaos.js';
import type { DependencyGraph } from '../model/dependency-graph.js';
import type { ManifestSummary } from '../model/manifest-summary.js';
import type { ReportInput } from './review/input.js';
import type { Reporter } from './reporter.js';

/** A reporter that is imported when it is first asked for. */
export type ReporterLoader<T> = () => Promise<Reporter<T>>;

const json = async () => (await import('./shared/json.js')).jsonChunks;

export const VALIDATE_REPORTERS = {
  text: async () => (await import('./validate/text.js')).renderValidateText,
  json,
} satisfies Record<string, ReporterLoader<ManifestSummary>>;

export const SIMULATE_REPORTERS = {
  text: async () => (await import('./simulate/text.js')).renderSimulateText,
  json,
  markdown: async () => (await import('./simulate/markdown.js')).renderSimulateMarkdown,
} satisfies Record<string, ReporterLoader<SimulateReport>>;

export const GRAPH_REPORTERS = {
  mermaid: async () => (await import('./graph/mermaid.js')).renderGraphMermaid,
  dot: async () => (await import('./graph/dot.js')).renderGraphDot,
  json: async () => (await import('./graph/json.js')).renderGraphJson,
  graphml: async () => (await import('./graph/graphml.js')).renderGraphGraphml,
} satisfies Record<string, ReporterLoader<DependencyGraph>>;

export const ANALYZE_REPORTERS = {
  text: async () => (await import('./analyze/text.js')).renderAnalyzeText,
  json,
  markdown: async () => (await import('./analyze/markdown.js')).renderAnalyzeMarkdown,
} satisfies Record<string, ReporterLoader<AnalysisResult>>;

export const CHECK_REPORTERS = {
  text: async () => (await import('./check/text.js')).renderCheckText,
  json,
  markdown: async () => (await import('./check/markdown.js')).renderCheckMarkdown,
  sarif: async () => (await import('./check/sarif.js')).renderCheckSarif,
  github: async () => (await import('./check/github.js')).renderCheckGithub,
  junit: async () => (await import('./check/junit.js')).renderCheckJunit,
  gitlab: async () => (await import('./check/gitlab.js')).renderCheckGitlab,
} satisfies Record<string, ReporterLoader<CheckResult>>;

/** `simulate --random` (chaos sampling): the same formats as `simulate`. */
export const CHAOS_REPORTERS = {
  text: async () => (await import('./simulate/chaos-text.js')).renderChaosText,
  json,
  markdown: async () => (await import('./simulate/chaos-markdown.js')).renderChaosMarkdown,
} satisfies Record<keyof typeof SIMULATE_REPORTERS, ReporterLoader<ChaosResult>>;

export const DIFF_REPORTERS = {
  text: async () => (await import('./diff/text.js')).renderDiffText,
  json,
  markdown: async () => (await import('./diff/markdown.js')).renderDiffMarkdown,
} satisfies Record<string, ReporterLoader<DiffResult>>;

export const REPORT_REPORTERS = {
  html: async () => (await import('./review/html.js')).renderReportHtml,
  markdown: async () => (await import('./review/markdown.js')).renderReportMarkdown,
} satisfies Record<string, ReporterLoader<ReportInput>>;
