// An iterative JSON parser producing DocNodes with offsets. JSON.parse is faster, but it gives
// no positions and silently keeps the last of two duplicate keys (the validator reports them).

import {
  newMap,
  newSeq,
  type DocMap,
  type DocNode,
  type DocSeq,
  type ParseResult,
  type Problem,
} from './doc-node.js';
import { quote } from './quote.js';

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** A value the parser passes over, from its first character to after its last. */
export interface SkippedValue {
  start: number;
  end: number;
}

/**
 * Parses JSON text; on a syntax error returns no root and the one problem. A `skip`ped value,
 * read some other way, stands in the tree as an empty mapping at its offset.
 */
export function parseJson(text: string, skip?: SkippedValue): ParseResult {
  const problems: Problem[] = [];
  try {
    const { root, rootOffset } = new JsonParser(text, problems, skip).parseDocument();
    return { root, rootOffset, problems };
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    return { problems: [{ offset: error.offset, message: `JSON syntax error: ${error.message}` }] };
  }
}

/** An open container and where its members start on the parser's scratch stacks. */
interface Open {
  node: DocMap | DocSeq;
  valuesStart: number;
  keysStart: number;
}

class JsonParser {
  private pos = 0;
  /** Open containers, innermost last. */
  private readonly stack: Open[] = [];
  // Members of all open containers, innermost last; a container takes exact-size copies of its
  // own when it closes. Growing millions of small arrays by push instead costs more in garbage.
  private readonly values: DocNode[] = [];
  private readonly valueOffsets: number[] = [];
  private readonly keys: string[] = [];
  private readonly keyOffsets: number[] = [];

  constructor(
    private readonly text: string,
    private readonly problems: Problem[],
    private readonly skip: SkippedValue | undefined,
  ) {}

  parseDocument(): { root: DocNode; rootOffset: number } {
    // The root stays at index 0 of the scratch stacks; members of containers come after it.
    const root = this.parseValueStart();
    const rootOffset = this.valueOffsets[0]!;
    for (let open = this.stack.at(-1); open !== undefined; open = this.stack.at(-1)) {
      this.continueContainer(open);
    }
    this.skipSpace();
    if (this.pos < this.text.length) this.fail('expected the end of the document');
    return { root, rootOffset };
  }

  /** Handles what follows inside the innermost container: a separator, a member, or its end. */
  private continueContainer(open: Open): void {
    const isMap = open.node.kind === 'map';
    const size = this.values.length - open.valuesStart;
    this.skipSpace();
    const ch = this.text.charCodeAt(this.pos);
    if (ch === (isMap ? 0x7d : 0x5d)) {
      this.pos++;
      this.close(open);
      return;
    }
    if (size > 0) {
      if (ch !== 0x2c) this.fail(`expected "," or "${isMap ? '}' : ']'}"`);
      this.pos++;
    }
    if (isMap) this.parseKey();
    this.parseValueStart();
  }

  private close({ node, valuesStart, keysStart }: Open): void {
    this.stack.pop();
    const values = this.values.splice(valuesStart);
    const offsets = this.valueOffsets.splice(valuesStart);
    if (node.kind === 'seq') {
      node.items = values;
      node.offsets = offsets;
      return;
    }
    node.values = values;
    node.valueOffsets = offsets;
    node.keys = this.keys.splice(keysStart);
    node.keyOffsets = this.keyOffsets.splice(keysStart);
  }

  private parseKey(): void {
    this.skipSpace();
    const keyOffset = this.pos;
    if (this.text.charCodeAt(this.pos) !== 0x22) this.fail('expected a key in double quotes');
    this.keys.push(this.parseString());
    this.keyOffsets.push(keyOffset);
    this.skipSpace();
    if (this.text.charCodeAt(this.pos) !== 0x3a) this.fail('expected ":" after a key');
    this.pos++;
  }

  /**
   * Parses a scalar, or opens a container (filled by the main loop); pushes it with its offset
   * as a member of the innermost open container.
   */
  private parseValueStart(): DocNode {
    this.skipSpace();
    const value = this.parseValueAt(this.pos);
    this.values.push(value);
    return value;
  }

  private parseValueAt(offset: number): DocNode {
    this.valueOffsets.push(offset);
    if (offset === this.skip?.start) {
      this.pos = this.skip.end;
      return newMap(offset);
    }
    const ch = this.text.charCodeAt(offset);
    if (ch === 0x7b || ch === 0x5b) {
      this.pos++;
      const node = ch === 0x7b ? newMap(offset) : newSeq(offset);
      this.stack.push({ node, valuesStart: this.values.length + 1, keysStart: this.keys.length });
      return node;
    }
    if (ch === 0x22) return this.parseString();
    const literal = ch === 0x74 ? 'true' : ch === 0x66 ? 'false' : ch === 0x6e ? 'null' : undefined;
    if (literal !== undefined) {
      if (!this.text.startsWith(literal, offset)) this.fail('expected a value');
      this.pos += literal.length;
      return literal === 'null' ? null : literal === 'true';
    }
    NUMBER.lastIndex = offset;
    const match = NUMBER.exec(this.text);
    if (match === null) this.fail('expected a value');
    this.pos = NUMBER.lastIndex;
    return Number(match[0]);
  }

  /** Reads the string starting at the opening quote at `pos`. */
  private parseString(): string {
    const text = this.text;
    const start = this.pos;
    let escaped = false;
    for (let i = start + 1; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 0x22) {
        this.pos = i + 1;
        return escaped ? this.decodeEscapes(start, i + 1) : text.slice(start + 1, i);
      }
      if (ch === 0x5c) {
        escaped = true;
        i++;
      } else if (ch < 0x20) {
        this.pos = i;
        this.fail('control character in a string (write it as an escape such as \\n)');
      }
    }
    this.pos = start;
    return this.fail('unterminated string');
  }

  private decodeEscapes(start: number, end: number): string {
    try {
      return JSON.parse(this.text.slice(start, end)) as string;
    } catch {
      this.pos = start;
      return this.fail('invalid escape sequence in a string');
    }
  }

  private skipSpace(): void {
    const text = this.text;
    let pos = this.pos;
    for (;;) {
      const ch = text.charCodeAt(pos);
      if (ch !== 0x20 && ch !== 0x0a && ch !== 0x0d && ch !== 0x09) break;
      pos++;
    }
    this.pos = pos;
  }

  private fail(expectation: string): never {
    const found =
      this.pos >= this.text.length ? 'the end of the file' : quote(this.text[this.pos] ?? '');
    throw new JsonSyntaxError(`${expectation}, found ${found}`, this.pos);
  }
}
