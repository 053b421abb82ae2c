// A small XML reader for the Open-PSA MEF files `import openpsa` reads: elements, attributes
// (with the five predefined entities and character references), comments, processing
// instructions and a DOCTYPE skipped, text ignored. It keeps the offset of every element for
// `file:line:col` messages, reads iteratively (no recursion however deep the nesting) and stops
// at the first error — a fault tree either parses whole or is refused.

export interface XmlElement {
  name: string;
  attributes: ReadonlyMap<string, string>;
  children: XmlElement[];
  /** Offset of the `<` that opens it. */
  offset: number;
}

export class XmlError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
    this.name = 'XmlError';
  }
}

const NAME = /[A-Za-z_:][A-Za-z0-9_:.-]*/y;
const SPACE = /\s*/y;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The document's root element. @throws XmlError */
export function parseXml(text: string): XmlElement {
  const reader = new Reader(text);
  return reader.document();
}

class Reader {
  private at = 0;

  constructor(private readonly text: string) {}

  document(): XmlElement {
    const stack: XmlElement[] = [];
    let root: XmlElement | undefined;
    while (this.at < this.text.length) {
      const lt = this.text.indexOf('<', this.at);
      const textEnd = lt < 0 ? this.text.length : lt;
      if (stack.length === 0 && this.text.slice(this.at, textEnd).trim() !== '') {
        throw new XmlError('text outside the root element', this.at);
      }
      if (lt < 0) break;
      this.at = lt;
      if (this.skipMarkup()) continue;
      if (this.text.startsWith('</', lt)) {
        const name = this.closingTag();
        const open = stack.pop();
        if (open === undefined || open.name !== name) {
          const expected = open === undefined ? 'no open element' : `</${open.name}>`;
          throw new XmlError(
            `</${name}> does not close an open element (expected ${expected})`,
            lt,
          );
        }
        continue;
      }
      if (root !== undefined && stack.length === 0) {
        throw new XmlError('a second root element', lt);
      }
      const { element, selfClosing } = this.openingTag();
      if (stack.length > 0) stack[stack.length - 1]!.children.push(element);
      else root = element;
      if (!selfClosing) stack.push(element);
    }
    if (stack.length > 0) {
      const open = stack[stack.length - 1]!;
      throw new XmlError(`<${open.name}> is never closed`, open.offset);
    }
    if (root === undefined) throw new XmlError('no root element: this is not an XML document', 0);
    return root;
  }

  /** Skips a comment, a processing instruction, a DOCTYPE or CDATA at `<`; false if none. */
  private skipMarkup(): boolean {
    const ends: Array<[string, string]> = [
      ['<!--', '-->'],
      ['<?', '?>'],
      ['<![CDATA[', ']]>'],
      ['<!', '>'],
    ];
    for (const [open, close] of ends) {
      if (!this.text.startsWith(open, this.at)) continue;
      const end = this.text.indexOf(close, this.at + open.length);
      if (end < 0) throw new XmlError(`${open} is never closed with ${close}`, this.at);
      this.at = end + close.length;
      return true;
    }
    return false;
  }

  private closingTag(): string {
    this.at += 2;
    const name = this.name('a closing tag');
    this.space();
    if (this.text[this.at] !== '>') throw new XmlError(`</${name} is not closed by >`, this.at);
    this.at++;
    return name;
  }

  private openingTag(): { element: XmlElement; selfClosing: boolean } {
    const offset = this.at;
    this.at++;
    const name = this.name('an element');
    const attributes = new Map<string, string>();
    for (;;) {
      const spaced = this.space();
      const c = this.text[this.at];
      if (c === '>' || (c === '/' && this.text[this.at + 1] === '>')) {
        this.at += c === '>' ? 1 : 2;
        return { element: { name, attributes, children: [], offset }, selfClosing: c === '/' };
      }
      if (c === undefined) throw new XmlError(`<${name} is never closed by >`, offset);
      if (!spaced) throw new XmlError(`expected a space, > or /> in <${name}>`, this.at);
      const attributeOffset = this.at;
      const key = this.name('an attribute');
      this.space();
      if (this.text[this.at] !== '=') throw new XmlError(`attribute ${key} needs =`, this.at);
      this.at++;
      this.space();
      if (attributes.has(key)) {
        throw new XmlError(`attribute ${key} appears twice in <${name}>`, attributeOffset);
      }
      attributes.set(key, this.attributeValue());
    }
  }

  private attributeValue(): string {
    const quote = this.text[this.at];
    if (quote !== '"' && quote !== "'")
      throw new XmlError('an attribute value must be quoted', this.at);
    const end = this.text.indexOf(quote, this.at + 1);
    if (end < 0) throw new XmlError('an attribute value is never closed', this.at);
    const raw = this.text.slice(this.at + 1, end);
    const start = this.at + 1;
    this.at = end + 1;
    if (raw.includes('<')) throw new XmlError('< in an attribute value', start + raw.indexOf('<'));
    return raw.replace(/&([^;\s]*);?/g, (whole, entity: string, index: number) => {
      if (!whole.endsWith(';'))
        throw new XmlError(`& without ; in an attribute value`, start + index);
      if (entity in ENTITIES) return ENTITIES[entity]!;
      const code = /^#x[0-9a-f]+$/i.test(entity)
        ? parseInt(entity.slice(2), 16)
        : /^#[0-9]+$/.test(entity)
          ? parseInt(entity.slice(1), 10)
          : Number.NaN;
      if (!Number.isInteger(code) || code < 1 || code > 0x10ffff) {
        throw new XmlError(`unknown entity &${entity};`, start + index);
      }
      return String.fromCodePoint(code);
    });
  }

  private name(what: string): string {
    NAME.lastIndex = this.at;
    const match = NAME.exec(this.text);
    if (match === null) throw new XmlError(`expected the name of ${what}`, this.at);
    this.at += match[0].length;
    return match[0];
  }

  /** Skips white space; true when there was some. */
  private space(): boolean {
    SPACE.lastIndex = this.at;
    const length = SPACE.exec(this.text)![0].length;
    this.at += length;
    return length > 0;
  }
}
