// The JSON reporter: the result object as it is, two-space indented, with a final newline. The
// analyses build their results in sorted order, so this output is stable.

export function renderJson(result: unknown): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}
