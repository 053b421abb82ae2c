// The names a one-pass read meets (ids, references, repeated values such as kinds and owners),
// each made into a string once and known afterwards by its number: open addressing over the
// characters' hash. A slot holds the hash, the number, the length, and the characters of a
// short name (up to 16, each below 256, four to a word), so that a lookup of such a name reads
// one slot and nothing else; a longer or wider name's characters are kept in a pool of their
// own, instead of chasing the first place the name was written in a text of many megabytes.

const SLOT = 8;
const HASH = 0;
const NAME = 1;
const START = 2;
const LENGTH = 3;
/** The first of the words holding a short name's characters. */
const CHARACTERS = 4;
/** The longest name whose characters the slot holds. */
const SHORT = 16;
/** Set in LENGTH when the slot holds the characters (START is then unused). */
const HELD = 1 << 30;

export class NameTable {
  /** Names by number, each made once. */
  readonly names: string[] = [];
  /**
   * SLOT numbers per slot: hash, name + 1 (0: empty), start in `pool`, length (with HELD), and
   * the characters of a short name.
   */
  private slots: Int32Array;
  private pool: Uint16Array;
  private poolEnd = 0;

  /** Sized for the names such a text holds in the usual layouts (it grows past that). */
  constructor(private readonly text: string) {
    let capacity = 1 << 12;
    while (capacity < text.length >> 7) capacity *= 2;
    this.slots = new Int32Array(capacity * SLOT);
    // Only names too long or too wide for a slot are pooled.
    this.pool = new Uint16Array(Math.max(1 << 12, text.length >> 7));
  }

  /** The number of the name written at from .. to-1 of the text, whose hash is `hash`. */
  find(from: number, to: number, hashed: number): number {
    // As the slots hold it (a hash left unmixed, of an empty name, may be past 32 bits).
    const hash = hashed | 0;
    const slots = this.slots;
    const length = to - from;
    const mask = (slots.length >> 3) - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const at = slot << 3;
      const held = slots[at + NAME]!;
      if (held === 0) return this.add(at, from, to, hash);
      if (slots[at + HASH] !== hash || (slots[at + LENGTH]! & ~HELD) !== length) continue;
      if (
        (slots[at + LENGTH]! & HELD) !== 0
          ? this.inSlot(at, from, length)
          : this.pooled(slots[at + START]!, from, length)
      ) {
        return held - 1;
      }
    }
  }

  /** The number of names. */
  get size(): number {
    return this.names.length;
  }

  /** Whether the characters at `from` are those the slot at `at` holds. */
  private inSlot(at: number, from: number, length: number): boolean {
    const slots = this.slots;
    const text = this.text;
    for (let i = 0; i < length; i++) {
      const held = (slots[at + CHARACTERS + (i >> 2)]! >>> ((i & 3) << 3)) & 0xff;
      // A character past 255 is never one the slot holds.
      if (held !== text.charCodeAt(from + i)) return false;
    }
    return true;
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
    const slots = this.slots;
    slots[at + HASH] = hash;
    slots[at + NAME] = name + 1;
    if (this.holdInSlot(at, from, length)) {
      slots[at + LENGTH] = length | HELD;
    } else {
      slots[at + START] = this.addToPool(from, length);
      slots[at + LENGTH] = length;
    }
    if (this.names.length * 2 > slots.length >> 3) this.rehash();
    return name;
  }

  /** Writes a short name's characters into the slot at `at`; false for a long or wide one. */
  private holdInSlot(at: number, from: number, length: number): boolean {
    if (length > SHORT) return false;
    const text = this.text;
    for (let i = 0; i < length; i++) if (text.charCodeAt(from + i) > 0xff) return false;
    const slots = this.slots;
    for (let w = 0; w < SHORT / 4; w++) slots[at + CHARACTERS + w] = 0;
    for (let i = 0; i < length; i++) {
      slots[at + CHARACTERS + (i >> 2)]! |= text.charCodeAt(from + i) << ((i & 3) << 3);
    }
    return true;
  }

  /** Copies a name's characters into the pool: where they start there. */
  private addToPool(from: number, length: number): number {
    while (this.poolEnd + length > this.pool.length) {
      const bigger = new Uint16Array(this.pool.length * 2);
      bigger.set(this.pool);
      this.pool = bigger;
    }
    const start = this.poolEnd;
    for (let i = 0; i < length; i++) this.pool[start + i] = this.text.charCodeAt(from + i);
    this.poolEnd = start + length;
    return start;
  }

  /** Twice the slots, every name placed again by its hash. */
  private rehash(): void {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2);
    const mask = (slots.length >> 3) - 1;
    for (let from = 0; from < old.length; from += SLOT) {
      if (old[from + NAME] === 0) continue;
      let slot = old[from + HASH]! & mask;
      while (slots[(slot << 3) + NAME] !== 0) slot = (slot + 1) & mask;
      for (let k = 0; k < SLOT; k++) slots[(slot << 3) + k] = old[from + k]!;
    }
    this.slots = slots;
  }
}
