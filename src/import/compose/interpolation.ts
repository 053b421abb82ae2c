// docker compose variable interpolation (compose-spec "Interpolation"): `$VAR`, `${VAR}`,
// `${VAR:-default}`, `${VAR-default}`, `${VAR:?error}`, `${VAR?error}`, `${VAR:+other}`,
// `${VAR+other}`, `$$` for a dollar; and `.env` files of `KEY=value` lines.

export interface Interpolation {
  text: string;
  /** Variables used without a value and without a default: compose warns and uses "". */
  unset: string[];
  /** `${VAR:?message}` on an unset variable: compose refuses the file. */
  errors: string[];
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

/** `text` with its variables replaced by their values in `variables`. */
export function interpolate(text: string, variables: ReadonlyMap<string, string>): Interpolation {
  const result: Interpolation = { text: '', unset: [], errors: [] };
  let out = '';
  let i = 0;
  while (i < text.length) {
    const dollar = text.indexOf('$', i);
    if (dollar === -1) break;
    out += text.slice(i, dollar);
    const next = text[dollar + 1];
    if (next === '$') {
      out += '$';
      i = dollar + 2;
    } else if (next === '{') {
      const end = closingBrace(text, dollar + 2);
      if (end === -1) {
        result.errors.push(`an unclosed \${ in ${JSON.stringify(text)}`);
        return { ...result, text };
      }
      out += braced(text.slice(dollar + 2, end), variables, result);
      i = end + 1;
    } else {
      const name = NAME.exec(text.slice(dollar + 1))?.[0];
      if (name === undefined) {
        out += '$';
        i = dollar + 1;
      } else {
        out += lookUp(name, variables, result);
        i = dollar + 1 + name.length;
      }
    }
  }
  result.text = out + text.slice(i);
  return result;
}

/** Index of the `}` closing the `${` whose body starts at `start`, nesting counted; or -1. */
function closingBrace(text: string, start: number): number {
  let depth = 1;
  for (let i = start; i < text.length; i++) {
    if (text[i] === '$' && text[i + 1] === '{') {
      depth++;
      i++;
    } else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

function braced(
  body: string,
  variables: ReadonlyMap<string, string>,
  result: Interpolation,
): string {
  const name = NAME.exec(body)?.[0];
  if (name === undefined) {
    result.errors.push(`\${${body}} is not a variable reference`);
    return '';
  }
  const rest = body.slice(name.length);
  const value = variables.get(name);
  const operator = /^(:?[-?+])?/.exec(rest)![0];
  const argument = rest.slice(operator.length);
  if (operator === '' && rest !== '') {
    result.errors.push(`\${${body}} is not a variable reference`);
    return '';
  }
  const empty = operator.startsWith(':')
    ? value === undefined || value === ''
    : value === undefined;
  // The argument may itself hold variables (`${A:-${B}}`): interpolated only when used.
  const inner = () => {
    const nested = interpolate(argument, variables);
    result.unset.push(...nested.unset);
    result.errors.push(...nested.errors);
    return nested.text;
  };
  switch (operator.replace(':', '')) {
    case '-':
      return empty ? inner() : value!;
    case '?':
      if (empty) result.errors.push(`${name}: ${inner() || 'required variable is not set'}`);
      return value ?? '';
    case '+':
      return empty ? '' : inner();
    default:
      return lookUp(name, variables, result);
  }
}

function lookUp(
  name: string,
  variables: ReadonlyMap<string, string>,
  result: Interpolation,
): string {
  const value = variables.get(name);
  if (value === undefined) result.unset.push(name);
  return value ?? '';
}

/**
 * The variables of an env file: `KEY=value` lines, `export ` allowed, `#` comments, values in
 * single quotes taken as written, in double quotes with `\n` escapes, and `${OTHER}` in values
 * replaced by earlier variables. Returns the variables and the 1-based lines that are not
 * assignments.
 */
export function parseEnvFile(text: string): { variables: Map<string, string>; badLines: number[] } {
  const variables = new Map<string, string>();
  const badLines: number[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*)$/.exec(line);
    if (!match) {
      badLines.push(index + 1);
      return;
    }
    const [, key, rawValue] = match as unknown as [string, string, string];
    variables.set(key, envValue(rawValue, variables));
  });
  return { variables, badLines };
}

function envValue(raw: string, earlier: ReadonlyMap<string, string>): string {
  if (raw.startsWith("'"))
    return raw.slice(1, raw.indexOf("'", 1) === -1 ? undefined : raw.indexOf("'", 1));
  if (raw.startsWith('"')) {
    const end = raw.lastIndexOf('"');
    const body = end > 0 ? raw.slice(1, end) : raw.slice(1);
    return interpolate(body.replace(/\\n/g, '\n').replace(/\\"/g, '"'), earlier).text;
  }
  const unquoted = raw.replace(/\s+#.*$/, '').trim();
  return interpolate(unquoted, earlier).text;
}
