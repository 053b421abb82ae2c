// The names a one-pass read meets (ids, references, repeated values such as kinds and owners),
// each made into a string once and known afterwards by its number: open addressing over the
// characters' hash. A slot holds the hash, the number, and where the name's characters are kept
// in a pool of their own, so that a lookup reads one slot and a few pooled characters instead
// of chasing the first place the name was written in a text of many megabytes.

const SLOT = 4;
const HASH = 0;
const NAME = 1;
const START = 2;
const LENGTH = 3;

export class NameTable {
  /** Names by number, each made once. */
  readonly names: string[] = [];
  /** SLOT numbers per slot: hash, name + 1 (0: empty), start in `pool`, length. */
  private slots: Int32Array;
  private pool: Uint16Array;
  private poolEnd = 0;

  /** Sized for the names such a text holds in the usual layouts (it grows past that). */
  constructor(private readonly text: string) {
    let capacity = 1 << 12;
    while (capacity < text.length >> 7) capacity *= 2;
    this.slots = new Int32Array(capacity * SLOT);
    this.pool = new Uint16Array(Math.max(1 << 16, text.length >> 4));
  }

  /** The number of the name written at from .. to-1 of the text, whose hash is `hash`. */
  find(from: number, to: number, hashed: number): number {
    // As the slots hold it (a hash left unmixed, of an empty name, may be past 32 bits).
    const hash = hashed | 0;
    const slots = this.slots;
    const length = to - from;
    const mask = (slots.length >> 2) - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const at = slot << 2;
      const held = slots[at + NAME]!;
      if (held === 0) return this.add(at, from, to, hash);
      if (slots[at + HASH] !== hash || slots[at + LENGTH] !== length) continue;
      if (this.pooled(slots[at + START]!, from, length)) return held - 1;
    }
  }

  /** The number of names. */
  get size(): number {
    return this.names.length;
  }

  private pooled(start: number, from: number, length: number): boolean {
    const pool = this.pool;
    const text = this.text;
    for (let i = 0; i < length; i++) {
      if (pool[start + i] !== text.charCodeAt(from + i)) return false;
    }
    return true;
  }

  private add(at: number, from: number, to: number, hash: number): number {
    const name = this.names.length;
    this.names.push(this.text.slice(from, to));
    const length = to - from;
    while (this.poolEnd + length > this.pool.length) {
      const bigger = new Uint16Array(this.pool.length * 2);
      bigger.set(this.pool);
      this.pool = bigger;
    }
    const start = this.poolEnd;
    for (let i = 0; i < length; i++) this.pool[start + i] = this.text.charCodeAt(from + i);
    this.poolEnd = start + length;
    const slots = this.slots;
    slots[at + HASH] = hash;
    slots[at + NAME] = name + 1;
    slots[at + START] = start;
    slots[at + LENGTH] = length;
    if (this.names.length * 2 > slots.length >> 2) this.rehash();
    return name;
  }

  /** Twice the slots, every name placed again by its hash. */
  private rehash(): void {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2);
    const mask = (slots.length >> 2) - 1;
    for (let from = 0; from < old.length; from += SLOT) {
      if (old[from + NAME] === 0) continue;
      let slot = old[from + HASH]! & mask;
      while (slots[(slot << 2) + NAME] !== 0) slot = (slot + 1) & mask;
      for (let k = 0; k < SLOT; k++) slots[(slot << 2) + k] = old[from + k]!;
    }
    this.slots = slots;
  }
}
