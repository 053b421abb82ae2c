// Every reporter, by command and format. The `--format` choices and their help text come from
// here: adding a format is adding one file and one line.

import type { AnalysisResult } from '../analysis/analysis-result.js';
import type { CheckResult } from '../analysis/gate/check-result.js';
import type { DiffResult } from '../analysis/diff/diff-result.js';
import type { SimulateReport } from '../analysis/outage/simulate.js';
import type { DependencyGraph } from '../model/dependency-graph.js';
import type { ManifestSummary } from '../model/manifest-summary.js';
import { renderAnalyzeMarkdown } from './analyze/markdown.js';
import { renderAnalyzeText } from './analyze/text.js';
import { renderCheckGithub } from './check/github.js';
import { renderCheckGitlab } from './check/gitlab.js';
import { renderCheckJunit } from './check/junit.js';
import { renderCheckMarkdown } from './check/markdown.js';
import { renderCheckSarif } from './check/sarif.js';
import { renderCheckText } from './check/text.js';
import { renderDiffMarkdown } from './diff/markdown.js';
import { renderDiffText } from './diff/text.js';
import { renderGraphDot } from './graph/dot.js';
import { renderGraphGraphml } from './graph/graphml.js';
import { renderGraphJson } from './graph/json.js';
import { renderGraphMermaid } from './graph/mermaid.js';
import { jsonChunks } from './shared/json.js';
import type { ChaosResult } from '../analysis/reliability/chaos.js';
import { renderChaosMarkdown } from './simulate/chaos-markdown.js';
import { renderChaosText } from './simulate/chaos-text.js';
import { renderReportHtml } from './review/html.js';
import type { ReportInput } from './review/input.js';
import { renderReportMarkdown } from './review/markdown.js';
import { renderSimulateMarkdown } from './simulate/markdown.js';
import { renderSimulateText } from './simulate/text.js';
import { renderValidateText } from './validate/text.js';
import type { Reporter } from './reporter.js';

export const VALIDATE_REPORTERS = {
  text: renderValidateText,
  json: jsonChunks,
} satisfies Record<string, Reporter<ManifestSummary>>;

export const SIMULATE_REPORTERS = {
  text: renderSimulateText,
  json: jsonChunks,
  markdown: renderSimulateMarkdown,
} satisfies Record<string, Reporter<SimulateReport>>;

export const GRAPH_REPORTERS = {
  mermaid: renderGraphMermaid,
  dot: renderGraphDot,
  json: renderGraphJson,
  graphml: renderGraphGraphml,
} satisfies Record<string, Reporter<DependencyGraph>>;

export const ANALYZE_REPORTERS = {
  text: renderAnalyzeText,
  json: jsonChunks,
  markdown: renderAnalyzeMarkdown,
} satisfies Record<string, Reporter<AnalysisResult>>;

export const CHECK_REPORTERS = {
  text: renderCheckText,
  json: jsonChunks,
  markdown: renderCheckMarkdown,
  sarif: renderCheckSarif,
  github: renderCheckGithub,
  junit: renderCheckJunit,
  gitlab: renderCheckGitlab,
} satisfies Record<string, Reporter<CheckResult>>;

/** `simulate --random` (chaos sampling): the same formats as `simulate`. */
export const CHAOS_REPORTERS = {
  text: renderChaosText,
  json: jsonChunks,
  markdown: renderChaosMarkdown,
} satisfies Record<keyof typeof SIMULATE_REPORTERS, Reporter<ChaosResult>>;

export const DIFF_REPORTERS = {
  text: renderDiffText,
  json: jsonChunks,
  markdown: renderDiffMarkdown,
} satisfies Record<string, Reporter<DiffResult>>;

export const REPORT_REPORTERS = {
  html: renderReportHtml,
  markdown: renderReportMarkdown,
} satisfies Record<string, Reporter<ReportInput>>;
