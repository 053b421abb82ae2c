// Terraform resource addresses as opaque text that is still taken apart safely: index keys can
// hold dots and brackets (`aws_instance.x["a.b"]`, `module.sg["k"].aws_security_group.y`), so
// an address is never split on `.` without reading its quoted keys.

/** The parts of an address: `module.a["k"]`, `data`, `aws_x`, `name[0]`… split at top-level dots. */
export function addressParts(address: string): string[] {
  const parts: string[] = [];
  let current = '';
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < address.length; i++) {
    const c = address[i]!;
    if (quoted) {
      current += c;
      if (c === '\\' && i + 1 < address.length) current += address[++i]!;
      else if (c === '"') quoted = false;
      continue;
    }
    if (c === '"') quoted = true;
    else if (c === '[') depth++;
    else if (c === ']') depth = Math.max(0, depth - 1);
    if (c === '.' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += c;
  }
  parts.push(current);
  return parts;
}

/** The address without any index key: `module.a["k"].aws_x.y[0]` -> `module.a.aws_x.y`. */
export function withoutIndexes(address: string): string {
  return addressParts(address)
    .map((part) => {
      const bracket = part.indexOf('[');
      return bracket < 0 ? part : part.slice(0, bracket);
    })
    .join('.');
}

/** `[0]` for a number, `["key"]` for a string, '' for none: as Terraform writes an index. */
export function indexText(index: unknown): string {
  if (typeof index === 'number') return `[${index}]`;
  if (typeof index === 'string') return `[${JSON.stringify(index)}]`;
  return '';
}

/**
 * The address as a service id: index keys encoded as `:key` (`aws_instance.x["a.b"]` ->
 * `aws_instance.x:a.b`), so that ids stay readable and the same address always gives the same id.
 */
export function addressId(address: string): string {
  return addressParts(address)
    .map((part) =>
      part.replace(/\[("(?:[^"\\]|\\.)*"|[^\]]*)\]/g, (_, key: string) => {
        const text = key.startsWith('"') ? (JSON.parse(key) as string) : key;
        return `:${text}`;
      }),
    )
    .join('.');
}

/** The module part of an address (`module.a["k"].module.b`), '' at the root. */
export function moduleOf(address: string): string {
  const parts = addressParts(address);
  let end = 0;
  while (end + 1 < parts.length && parts[end] === 'module') end += 2;
  return parts.slice(0, end).join('.');
}
