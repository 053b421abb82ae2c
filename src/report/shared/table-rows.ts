// Rows the text, Markdown and HTML reporters share: the same numbers in the same order and
// format, each reporter writing the id its own way (escaped for a terminal, Markdown or HTML).

import type { ProviderConcentration } from '../../analysis/analysis-result.js';
import { formatNumber } from './format.js';
import { textTable } from './table.js';

/** services, then concentrationShareCells, of one provider. */
export function concentrationCells(p: ProviderConcentration): string[] {
  return [formatNumber(p.services), ...concentrationShareCells(p)];
}

/** Entry points down, share, direct, indirect and amplification of one provider. */
export function concentrationShareCells(p: ProviderConcentration): string[] {
  return [
    formatNumber(p.takesDown),
    `${formatNumber(p.share * 100)}%`,
    formatNumber(p.direct),
    formatNumber(p.indirect),
    p.amplification === null ? '—' : `${formatNumber(p.amplification)}×`,
  ];
}

/** A component's blast radius as an aligned text table: component, then four numbers. */
export function blastRadiusTextTable(rows: string[][]): string[] {
  return textTable(['component', 'down', 'degraded', 'entry points', 'cost/h'], rows, [
    'left',
    'right',
    'right',
    'right',
    'right',
  ]);
}
