// report/shared/ — what every reporter uses: number and text formatting, escaping for terminals,
// Markdown, XML and Mermaid, tables, styles and JSON streaming.
//
// Number and list formatting shared by the text and markdown reporters; locale-independent so
// the output is byte-identical on every machine.

/** 1234567.5 → "1,234,567.5"; at most two decimals. For counts, shares and ratios. */
export function formatNumber(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  const [whole = '0', fraction] = Math.abs(rounded).toString().split('.');
  return `${rounded < 0 ? '-' : ''}${groupDigits(whole)}${fraction ? `.${fraction}` : ''}`;
}

/**
 * Money (costs per hour and per year): always two decimals, so amounts line up in a column and
 * read alike everywhere — 2629.8 → "2,629.80", 35064 → "35,064.00".
 */
export function formatMoney(value: number): string {
  const cents = Math.round(Math.abs(value) * 100);
  const whole = Math.floor(cents / 100).toString();
  const fraction = (cents % 100).toString().padStart(2, '0');
  return `${value < 0 && cents > 0 ? '-' : ''}${groupDigits(whole)}.${fraction}`;
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatNumber(count)} ${count === 1 ? singular : pluralForm}`;
}

/** "1234567" → "1,234,567". */
function groupDigits(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
