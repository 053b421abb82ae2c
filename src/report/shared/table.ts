// Aligned plain-text columns for the terminal reports. Cells are measured before colour is
// applied, so alignment holds with or without ANSI codes.

export type Align = 'left' | 'right';

export function textTable(
  header: readonly string[],
  rows: readonly string[][],
  align: readonly Align[],
): string[] {
  const widths = header.map((h, c) =>
    Math.max(h.length, ...rows.map((row) => (row[c] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, c) =>
        align[c] === 'right' ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!),
      )
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}

export function markdownTable(
  header: readonly string[],
  rows: readonly string[][],
  align: readonly Align[],
): string[] {
  return [
    `| ${header.join(' | ')} |`,
    `|${align.map((a) => (a === 'right' ? '---:' : '---')).join('|')}|`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ];
}
