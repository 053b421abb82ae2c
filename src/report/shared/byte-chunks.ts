// Text gathered as UTF-8 bytes in chunks of about 64 KiB. Text known to be ASCII (separators,
// quoted keys, numbers, plain ids) is joined into one string and encoded a few kilobytes at a
// time: one encoder call per small piece cost more than the piece. Any other text is encoded
// once, straight into the buffer: joined into a string with the rest, one arrow (`→`) would
// make the whole string two bytes a character, slow to join and to encode.

const CHUNK = 1 << 16;
/** Room in a buffer: a chunk closes past CHUNK bytes; a piece that does not fit starts a new one. */
const ROOM = 2 * CHUNK;
/** The most UTF-8 bytes one UTF-16 unit takes (a surrogate pair: 4 bytes for 2 units). */
const BYTES_PER_UNIT = 3;
/** ASCII text gathered before it is encoded, in characters. */
const GATHERED = 1 << 14;

export class ByteChunks {
  private buffer = Buffer.allocUnsafe(ROOM);
  private used = 0;
  private readonly done: Uint8Array[] = [];
  /** ASCII text not yet encoded, after every byte in the buffer. */
  private gathered = '';

  /**
   * Appends a piece of ASCII text. Other text would still come out right, only slower: the
   * pieces are encoded as UTF-8 together.
   */
  addAscii(text: string): void {
    this.gathered += text;
    if (this.gathered.length >= GATHERED) this.encodeGathered();
  }

  /** Appends a piece of text, which must be well formed (no lone surrogate). */
  add(text: string): void {
    if (this.gathered.length > 0) this.encodeGathered();
    this.encode(text);
  }

  /** Whether a chunk is ready to be taken. */
  get ready(): boolean {
    return this.used >= CHUNK || this.done.length > 0;
  }

  /** The chunks made so far; with `last`, also the one still being filled. */
  take(last = false): Uint8Array[] {
    if (last && this.gathered.length > 0) this.encodeGathered();
    if (last || this.used >= CHUNK) this.close();
    return this.done.splice(0);
  }

  private encodeGathered(): void {
    const text = this.gathered;
    this.gathered = '';
    this.encode(text);
  }

  private encode(text: string): void {
    if (this.used + text.length * BYTES_PER_UNIT > ROOM) {
      this.close();
      if (text.length * BYTES_PER_UNIT > ROOM) {
        this.done.push(Buffer.from(text, 'utf8'));
        return;
      }
    }
    this.used += this.buffer.write(text, this.used, 'utf8');
  }

  private close(): void {
    if (this.used === 0) return;
    this.done.push(this.buffer.subarray(0, this.used));
    this.buffer = Buffer.allocUnsafe(ROOM);
    this.used = 0;
  }
}
