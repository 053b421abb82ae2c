// A small, strict XML 1.0 reader for the tests (node has no DOM parser): the subset our reports
// use — a declaration, comments, elements, attributes, text and references — and every
// well-formedness rule that applies to it. It throws on the first violation and returns the tree
// with references resolved and attribute values normalised as a conforming parser would.

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: (XmlElement | string)[];
}

const CHAR = /^[\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]*$/u;
const NAME = /[A-Za-z_:][A-Za-z0-9._:-]*/y;
const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function parseXml(document: string): XmlElement {
  if (!CHAR.test(document)) throw new Error('a character XML 1.0 does not allow');
  const reader = new Reader(document.replace(/\r\n?/g, '\n'));
  reader.skip(/<\?xml version="1\.0" encoding="UTF-8"\?>/y);
  reader.misc();
  const root = reader.element();
  reader.misc();
  if (!reader.done()) throw reader.error('content after the root element');
  return root;
}

class Reader {
  private at = 0;

  constructor(private readonly text: string) {}

  done(): boolean {
    return this.at === this.text.length;
  }

  error(what: string): Error {
    return new Error(
      `${what} at ${this.at}: ${JSON.stringify(this.text.slice(this.at, this.at + 40))}`,
    );
  }

  skip(pattern: RegExp): string | undefined {
    pattern.lastIndex = this.at;
    const match = pattern.exec(this.text);
    if (!match) return undefined;
    this.at += match[0].length;
    return match[0];
  }

  expect(pattern: RegExp, what: string): string {
    const found = this.skip(pattern);
    if (found === undefined) throw this.error(`expected ${what}`);
    return found;
  }

  /** Whitespace and comments between top-level constructs. */
  misc(): void {
    while (this.skip(/\s+/y) !== undefined || this.comment() !== undefined);
  }

  comment(): string | undefined {
    const comment = this.skip(/<!--((?!--)[\s\S])*-->/y);
    if (comment === undefined && this.text.startsWith('<!--', this.at))
      throw this.error('a bad comment');
    return comment;
  }

  element(): XmlElement {
    this.expect(/</y, '<');
    const name = this.expect(NAME, 'a name');
    const attributes: Record<string, string> = {};
    while (this.skip(/\s+/y) !== undefined) {
      const key = this.skip(NAME);
      if (key === undefined) break;
      if (key in attributes) throw this.error(`attribute ${key} twice`);
      this.expect(/\s*=\s*"/y, '="');
      const raw = this.expect(/[^"]*/y, 'a value');
      this.expect(/"/y, '"');
      if (raw.includes('<')) throw this.error('< in an attribute value');
      attributes[key] = resolve(raw.replace(/[\t\n]/g, ' '), () => this.error('a bad reference'));
    }
    if (this.skip(/\/>/y) !== undefined) return { name, attributes, children: [] };
    this.expect(/>/y, '>');
    const children: XmlElement['children'] = [];
    for (;;) {
      const text = this.skip(/[^<]+/y);
      if (text !== undefined) {
        if (text.includes(']]>')) throw this.error(']]> in text');
        children.push(resolve(text, () => this.error('a bad reference')));
      }
      if (this.comment() !== undefined) continue;
      if (this.skip(/<\//y) !== undefined) break;
      if (this.done()) throw this.error(`<${name}> not closed`);
      children.push(this.element());
    }
    this.expect(new RegExp(`${name.replace(/[.]/g, '\\.')}\\s*>`, 'y'), `</${name}>`);
    return { name, attributes, children };
  }
}

/** Replaces references; a bare `&` or an unknown entity is an error. */
function resolve(text: string, error: () => Error): string {
  return text.replace(/&([^;]*);|&/g, (whole, body: string | undefined) => {
    if (body === undefined) throw error();
    if (body in PREDEFINED) return PREDEFINED[body]!;
    const code = /^#x([0-9A-Fa-f]+)$/.exec(body)?.[1] ?? /^#([0-9]+)$/.exec(body)?.[1];
    if (code === undefined) throw error();
    const point = body.startsWith('#x') ? parseInt(code, 16) : parseInt(code, 10);
    const char = String.fromCodePoint(point);
    if (!CHAR.test(char)) throw error();
    return char;
  });
}

/** The text of an element, its children's included. */
export function textOf(element: XmlElement): string {
  return element.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');
}

/** Every element named `name` below `element`, in document order. */
export function elementsNamed(element: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  const stack = [element];
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (next.name === name) found.push(next);
    for (let i = next.children.length - 1; i >= 0; i--) {
      const child = next.children[i]!;
      if (typeof child !== 'string') stack.push(child);
    }
  }
  return found;
}
