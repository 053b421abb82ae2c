// UTF-8 output written byte by byte into a buffer and handed out in chunks. A piece is reserved
// whole before it is written, so no character is ever split between two chunks; a piece larger
// than a chunk gets a buffer of its own. ASCII text is copied a character at a time (no encoder
// call, no intermediate string); other text goes through the encoder once. Chunks start small
// (a short output costs a small buffer) and double up to 1 MiB: a large output is written in
// a few hundred calls, not thousands. A chunk whose bytes the consumer has written out can be
// given back (`recycle`), and the next chunk is written into its memory: a large output then
// lives in two buffers instead of one new buffer per chunk.

const FIRST_CHUNK = 1 << 14;
const LARGEST_CHUNK = 1 << 20;
/** The most UTF-8 bytes one UTF-16 unit takes (a surrogate pair: 4 bytes for 2 units). */
const BYTES_PER_UNIT = 3;
/** Bytes up to this many are copied one by one; more, by one call (about as costly as 8 bytes). */
const SHORT_BYTES = 8;
const EMPTY = Buffer.alloc(0);

export class ByteChunks {
  /** The buffer being filled; writers that reserved room write at `at` and move it on. */
  buffer: Buffer = Buffer.allocUnsafeSlow(FIRST_CHUNK);
  at = 0;
  /** The size of the next buffer. */
  private size = FIRST_CHUNK;
  private readonly done: Uint8Array[] = [];
  /** The memory of a chunk given back, to be filled again before a new buffer is allocated. */
  private spare: Buffer | undefined;

  /** Makes sure `bytes` more bytes fit in `buffer` after `at`, closing the chunk if they do not. */
  reserve(bytes: number): void {
    if (this.at + bytes > this.buffer.length) this.startChunk(bytes);
  }

  /** Appends one byte. */
  byte(byte: number): void {
    if (this.at >= this.buffer.length) this.startChunk(1);
    this.buffer[this.at++] = byte;
  }

  /** Appends a short text known to be ASCII (one byte a character). */
  ascii(text: string): void {
    const length = text.length;
    if (this.at + length > this.buffer.length) this.startChunk(length);
    const buffer = this.buffer;
    let at = this.at;
    for (let i = 0; i < length; i++) buffer[at++] = text.charCodeAt(i);
    this.at = at;
  }

  /** Appends bytes made beforehand. */
  bytes(bytes: Uint8Array): void {
    const length = bytes.length;
    if (this.at + length > this.buffer.length) this.startChunk(length);
    const buffer = this.buffer;
    let at = this.at;
    if (length > SHORT_BYTES) {
      buffer.set(bytes, at);
      this.at = at + length;
      return;
    }
    for (let i = 0; i < length; i++) buffer[at++] = bytes[i]!;
    this.at = at;
  }

  /** Appends any text, which must be well formed (no lone surrogate), encoded as UTF-8. */
  text(text: string): void {
    this.reserve(text.length * BYTES_PER_UNIT);
    this.at += this.buffer.write(text, this.at, 'utf8');
  }

  /** Whether a chunk is ready to be taken. */
  get ready(): boolean {
    return this.done.length > 0;
  }

  /** The chunks closed so far; with `last`, also the one still being filled. */
  take(last = false): Uint8Array[] {
    if (last) {
      this.close();
      this.buffer = EMPTY; // a later piece starts a buffer of its own
    }
    return this.done.splice(0);
  }

  /**
   * Takes back a chunk handed out by `take` once the consumer has written its bytes out and
   * holds nothing of them: the next chunk is written over it. Without this, every chunk is a new
   * buffer left for the collector (1.5 GB of them at a million services), counted by V8 as
   * external memory, which starts collections of its own as it grows, and each new buffer's
   * pages are touched for the first time (a page fault per 4 KiB).
   */
  recycle(chunk: Uint8Array): void {
    const memory = chunk.buffer;
    // Each buffer is allocated whole (never from Node's pool) and holds one chunk; one larger
    // than a chunk (a single large piece) is not kept.
    if (memory.byteLength > LARGEST_CHUNK || memory === this.buffer.buffer) return;
    this.spare = Buffer.from(memory);
  }

  private startChunk(bytes: number): void {
    this.close();
    this.size = Math.min(2 * this.size, LARGEST_CHUNK);
    const length = Math.max(this.size, bytes);
    const spare = this.spare;
    this.spare = undefined;
    this.buffer =
      spare !== undefined && spare.length >= length ? spare : Buffer.allocUnsafeSlow(length);
  }

  private close(): void {
    if (this.at === 0) return;
    this.done.push(this.buffer.subarray(0, this.at));
    this.at = 0;
  }
}
