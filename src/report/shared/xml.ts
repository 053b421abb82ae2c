// Manifest text inside XML 1.0: markup characters as entities, and the characters XML 1.0 cannot
// carry at all (most C0 controls, lone surrogates, U+FFFE, U+FFFF) shown as `\uXXXX` escapes,
// like the terminal's safe text. Reference: XML 1.0 (Fifth Edition) §2.2 Char, §3.3.3.

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  // A parser turns a raw CR LF into LF, and tab, CR and LF in attributes into spaces.
  '\r': '&#13;',
  '\t': '&#9;',
  '\n': '&#10;',
};

/** Characters that XML 1.0 forbids, plus the C1 controls and separators a terminal would obey. */
const UNSAFE = new RegExp(
  [
    '[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f\\u2028\\u2029\\ufffe\\uffff]',
    '[\\ud800-\\udbff](?![\\udc00-\\udfff])',
    '(?<![\\ud800-\\udbff])[\\udc00-\\udfff]',
  ].join('|'),
  'g',
);

function visible(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** Character data of an element: line feeds and tabs stay as they are. */
export function xmlText(text: string): string {
  return text.replace(UNSAFE, visible).replace(/[&<>"'\r]/g, (c) => ENTITIES[c]!);
}

/** An attribute value between double quotes: every character survives attribute normalisation. */
export function xmlAttribute(text: string): string {
  return text.replace(UNSAFE, visible).replace(/[&<>"'\r\t\n]/g, (c) => ENTITIES[c]!);
}
