// `simulate --random` as Markdown: the sampling, then a table of entry points with how often each
// went down, its 95% interval and its most frequent causes, bounded by --top.

import type { ChaosResult } from '../../analysis/reliability/chaos.js';
import { causeText, chaosScenario, percent } from './chaos-text.js';
import { formatNumber } from '../shared/format.js';
import { markdownCode, markdownText } from '../shared/markdown.js';
import type { RenderOptions } from '../reporter.js';
import { markdownTable } from '../shared/table.js';
import { lineChunks } from '../shared/line-chunks.js';

export function renderChaosMarkdown(result: ChaosResult, options: RenderOptions): Iterable<string> {
  const { top } = options;
  const title = result.manifest ? ` — ${markdownText(result.manifest)}` : '';
  const lines = [`# Chaos sampling${title}`, '', `${markdownText(chaosScenario(result))}.`, ''];
  if (result.withoutSla.length > 0) {
    lines.push(
      `${formatNumber(result.withoutSla.length)} services without an sla never fail here.`,
      '',
    );
  }
  lines.push(
    ...markdownTable(
      ['entry point', 'down', 'share', '95% interval', 'causes'],
      result.entrypoints
        .slice(0, top)
        .map((e) => [
          markdownCode(e.id),
          formatNumber(e.down),
          percent(e.fraction),
          `${percent(e.low)}–${percent(e.high)}`,
          causeText(e, top, markdownCode),
        ]),
      ['left', 'right', 'right', 'right', 'left'],
    ),
  );
  if (result.entrypoints.length > top) {
    lines.push(
      '',
      `_${formatNumber(result.entrypoints.length - top)} more not shown (\`--top\`)._`,
    );
  }
  lines.push(
    '',
    '_A cause is a failed component (or domain) that takes the entry point down on its own; its share is of the samples in which the entry point went down._',
    '',
  );
  return lineChunks(lines, '');
}
