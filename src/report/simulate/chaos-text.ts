// `simulate --random` for a terminal: what was sampled, then per entry point how often it went
// down (with its 95% interval) and the failures that most often took it down on their own.

import type { ChaosEntrypoint, ChaosResult } from '../../analysis/reliability/chaos.js';
import { formatNumber, plural } from '../shared/format.js';
import type { RenderOptions } from '../reporter.js';
import { safeText } from '../shared/safe-text.js';
import { createStyle } from '../shared/style.js';
import { list, more } from '../shared/text-lists.js';
import { lineChunks } from '../shared/line-chunks.js';

/** "12.5%": a fraction as a percentage with up to two decimals. */
export function percent(fraction: number): string {
  return `${formatNumber(fraction * 100)}%`;
}

/** What the samples failed, in words. */
export function chaosScenario(result: ChaosResult): string {
  const what =
    result.mode === 'sla'
      ? 'each component failing with probability 1 − sla/100'
      : `${plural(result.k ?? 0, result.mode === 'domains' ? 'failure domain' : 'component')} failing at random`;
  return `${plural(result.samples, 'sample')}, seed ${result.seed}: ${what}`;
}

/** The causes of an entry point's outages, most frequent first, `top` of them. */
export function causeText(entry: ChaosEntrypoint, top: number, code: (id: string) => string) {
  const causes = entry.causes
    .slice(0, top)
    .map((c) => `${code(c.id)} ${percent(entry.down === 0 ? 0 : c.samples / entry.down)}`);
  if (entry.causes.length > top) causes.push(`… (${formatNumber(entry.causes.length - top)} more)`);
  if (entry.combinations > 0)
    causes.push(`a combination only ${formatNumber(entry.combinations)}×`);
  return causes.join(', ');
}

export function renderChaosText(result: ChaosResult, options: RenderOptions): Iterable<string> {
  const style = createStyle(options.color);
  const title = result.manifest ? ` — ${safeText(result.manifest)}` : '';
  const lines = [style.bold(`Chaos sampling${title}`), chaosScenario(result), ''];
  if (result.withoutSla.length > 0) {
    lines.push(
      style.yellow(
        `${plural(result.withoutSla.length, 'service')} without an sla never fail here: ${list(result.withoutSla, options.top)}`,
      ),
      '',
    );
  }
  lines.push(style.bold('Entry points (most often down first; 95% interval)'));
  for (const entry of result.entrypoints.slice(0, options.top)) {
    const share = `${percent(entry.fraction)} [${percent(entry.low)}–${percent(entry.high)}]`;
    const line = `  ${safeText(entry.id)}: down in ${formatNumber(entry.down)} (${share})`;
    lines.push(entry.down === 0 ? style.green(line) : line);
    if (entry.down > 0) lines.push(`    causes: ${causeText(entry, options.top, safeText)}`);
  }
  lines.push(...more(result.entrypoints.length, options.top, style));
  lines.push(
    '',
    style.dim(
      'A cause is a failed component (or domain) that takes the entry point down on its own; its share is of the samples in which the entry point went down.',
    ),
  );
  return lineChunks(lines);
}
