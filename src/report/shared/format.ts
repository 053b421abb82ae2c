// report/shared/ — what every reporter uses: number and text formatting, escaping for terminals,
// Markdown, XML and Mermaid, tables, styles and JSON streaming.
//
// Number and list formatting shared by the text and markdown reporters; locale-independent so
// the output is byte-identical on every machine.

/** 1234567.5 → "1,234,567.5"; at most two decimals. */
export function formatNumber(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  const [whole = '0', fraction] = Math.abs(rounded).toString().split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${rounded < 0 ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatNumber(count)} ${count === 1 ? singular : pluralForm}`;
}
