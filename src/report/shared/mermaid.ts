// Text inside a Mermaid node label: control characters made visible, and the characters that
// end a quoted label or start markup (`"`, `<`, `>`, `#`, `&`, and the backtick of Markdown
// strings) written as Mermaid's `#code;` entities.

import { safeText } from './safe-text.js';

export function mermaidLabel(text: string): string {
  return safeText(text).replace(/["<>#&`]/g, (c) => `#${c.charCodeAt(0)};`);
}
