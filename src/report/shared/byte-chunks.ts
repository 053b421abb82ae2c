// Text gathered as UTF-8 bytes in chunks of about 64 KiB. Each piece is encoded once, straight
// into a buffer: joining the pieces into a string first made a chunk holding one arrow (`→`) a
// string of two bytes a character, slow to join and encoded a second time when written.

const CHUNK = 1 << 16;
/** Room in a buffer: a chunk closes past CHUNK bytes; a piece that does not fit starts a new one. */
const ROOM = 2 * CHUNK;
/** The most UTF-8 bytes one UTF-16 unit takes (a surrogate pair: 4 bytes for 2 units). */
const BYTES_PER_UNIT = 3;

export class ByteChunks {
  private buffer = Buffer.allocUnsafe(ROOM);
  private used = 0;
  private readonly done: Uint8Array[] = [];

  /** Appends a piece of text, which must be well formed (no lone surrogate). */
  add(text: string): void {
    if (this.used + text.length * BYTES_PER_UNIT > ROOM) {
      this.close();
      if (text.length * BYTES_PER_UNIT > ROOM) {
        this.done.push(Buffer.from(text, 'utf8'));
        return;
      }
    }
    this.used += this.buffer.write(text, this.used, 'utf8');
  }

  /** Whether a chunk is ready to be taken. */
  get ready(): boolean {
    return this.used >= CHUNK || this.done.length > 0;
  }

  /** The chunks made so far; with `last`, also the one still being filled. */
  take(last = false): Uint8Array[] {
    if (last || this.used >= CHUNK) this.close();
    return this.done.splice(0);
  }

  private close(): void {
    if (this.used === 0) return;
    this.done.push(this.buffer.subarray(0, this.used));
    this.buffer = Buffer.allocUnsafe(ROOM);
    this.used = 0;
  }
}
