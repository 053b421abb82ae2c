// Reads `depends_on` from the values JSON.parse built: plain ids, `{service}`, `{any_of}` and
// `{quorum, of}` entries with `soft` and `tolerates`, into the columns of a RequirementTable
// (what readDependsOn's Requirements say, without the objects), stopping at whatever it would
// report. Also the reading state the service reader shares.

import { readBoolean, readDuration } from './fields.js';
import type { RequirementTable } from '../requirement-table.js';
import { DEPENDENCY_KEYS } from './keys.js';
import { isPlainMap } from '../parse/plain-json.js';
import type { ServiceColumns } from '../parse/services-json.js';
import type { References } from './references.js';
import type { StopAtFirstError } from '../parse/source-file.js';
import type { SourcePosition } from '../types.js';

export class PlainDependencies {
  /** The service being read. */
  protected owner = '';
  /** The next unread offset of `entries`. */
  protected next = 0;
  /** Keys of the mappings read so far, to compare with the keys written. */
  keys = 0;

  constructor(
    protected readonly src: StopAtFirstError,
    private readonly references: References,
    private readonly entries: Int32Array,
    protected readonly table: RequirementTable,
    /**
     * The declaration number of the file's first id when its ids are numbered in the file's
     * order (a name the one-pass read found declared there is then numbered without a lookup);
     * -1 otherwise.
     */
    private readonly firstId = -1,
  ) {}

  /** True when every entry offset was used: each list was where the scan found one. */
  get usedEveryEntry(): boolean {
    return this.next === this.entries.length;
  }

  /** Where readService would report an error: the source stops the read. */
  protected stop(): never {
    return this.src.error();
  }

  /** Offset of the next list entry of the scan. */
  private nextOffset(): number {
    const offset = this.entries[this.next++];
    return offset === undefined ? this.stop() : offset;
  }

  /** Position of the next list entry of the scan. */
  protected nextPosition(): SourcePosition {
    return this.src.position(this.nextOffset());
  }

  protected reference(item: unknown, field: 'depends_on' | 'monitors' | 'copies'): string {
    if (typeof item === 'object' && item !== null) return this.stop();
    const id = this.references.check(item as string, -1, this.src, this.owner, field);
    return id ?? this.stop();
  }

  /** The declaration number of a service this one depends on. */
  private dependency(item: unknown): number {
    if (typeof item !== 'string' || item === this.owner) return this.stop();
    const declared = this.references.number(item);
    return declared ?? this.stop();
  }

  /** Reads a `depends_on` list into the table, for the service opened last there. */
  protected dependsOn(value: unknown): void {
    if (!Array.isArray(value)) return this.stop();
    const items = value as unknown[];
    // The same test for an entry listed twice as readDependsOn, in the same two ways.
    const seen = items.length > 8 ? new Set<number | string>() : undefined;
    const first = this.table.size;
    for (let i = 0; i < items.length; i++) {
      this.requirement(items[i], this.nextOffset());
      this.refuseRepeat(first, this.table.size - 1, seen);
    }
    this.table.closeService(this.table.size);
  }

  /** Stops when requirement r says what one from `first` on says: readDependsOn's test. */
  private refuseRepeat(first: number, r: number, seen: Set<number | string> | undefined): void {
    if (seen) {
      const key = this.key(r);
      if (seen.has(key)) this.stop();
      seen.add(key);
    } else {
      for (let other = first; other < r; other++) if (this.same(other, r)) this.stop();
    }
  }

  /**
   * Checks the requirements the one-pass read put in the table for this service (from .. to-1;
   * `owner`: the name of its id), renumbering their alternatives from the read's names to
   * declaration numbers.
   */
  protected fromColumns(
    read: ServiceColumns,
    first: number,
    end: number,
    owner: number,
    slot: number,
  ): void {
    const table = this.table;
    // The read put them where this service's requirements start: anything else is a bug.
    if (table.first(slot) !== first) throw new Error('one-pass read out of step');
    const many = end - first > 8;
    const seen = many ? new Set<number | string>() : undefined;
    const stamps = this.stampsFor(table.ids.length);
    // Unique to this service, so that the marks of earlier services never match.
    const stamp = ++this.stamp;
    for (let r = first; r < end; r++) {
      const from = table.altFrom(r);
      const to = table.altFrom(r + 1);
      for (let k = from; k < to; k++) {
        const name = table.alternative(k);
        if (name === owner) this.stop();
        table.renumber(k, this.declaredName(read, name));
        // An id listed twice in one group.
        for (let j = from; j < k; j++) {
          if (table.alternative(j) === table.alternative(k)) this.stop();
        }
      }
      const tolerates = read.tolerates.get(r);
      if (tolerates !== undefined) {
        const seconds = readDuration(tolerates, -1, this.src, 'tolerates')!;
        if (seconds > 0) table.setTolerance(r, seconds);
      }
      if (to - from === 1) {
        // One alternative: the same test as refuseRepeat's, by marks on the alternative. A
        // requirement of several alternatives never says what one of a single one says.
        const alternative = table.alternative(from);
        const group = table.group(r);
        const own = group ? stamps.group : stamps.plain;
        const other = group ? stamps.plain : stamps.group;
        // Listed up to 8 times, a plain id and a group of that id alone differ; past that
        // (requirementKey) they are the same.
        if (own[alternative] === stamp || (many && other[alternative] === stamp)) this.stop();
        own[alternative] = stamp;
      } else {
        this.refuseRepeat(first, r, seen);
      }
    }
    table.closeService(end);
  }

  /** Marks by declaration number, for the test of a dependency listed twice. */
  private stamps: { plain: Int32Array; group: Int32Array } | undefined;
  private stamp = 0;

  private stampsFor(declared: number): { plain: Int32Array; group: Int32Array } {
    if (this.stamps === undefined || this.stamps.plain.length < declared) {
      this.stamps = { plain: new Int32Array(declared), group: new Int32Array(declared) };
      this.stamp = 0;
    }
    return this.stamps;
  }

  /** Declaration numbers of the one-pass read's names, looked up once each. */
  private declaredNames: Int32Array | undefined;

  /** The declaration number of one of the read's names; stops when no file declares it. */
  protected declaredName(read: ServiceColumns, name: number): number {
    let numbers = this.declaredNames;
    if (numbers === undefined || numbers.length < read.names.length) {
      numbers = this.declaredNames = new Int32Array(read.names.length).fill(-2);
    }
    let declared = numbers[name]!;
    if (declared === -2) {
      const here = this.firstId < 0 ? -1 : read.declaredAt(name);
      declared = numbers[name] =
        here >= 0 ? this.firstId + here : (this.references.number(read.names[name]!) ?? -1);
    }
    if (declared < 0) this.stop();
    return declared;
  }

  /** requirementKey's equality on columns: the same quorum over the same alternatives. */
  private key(r: number): number | string {
    const table = this.table;
    const from = table.altFrom(r);
    const to = table.altFrom(r + 1);
    // One alternative: a plain dependency and a group of one say the same thing.
    if (to - from === 1) return table.alternative(from);
    if (to - from === 2 && table.ids.length <= PAIR_LIMIT) {
      // Two alternatives (most groups), as one number: negative, so never a lone alternative's
      // key; below 2^53 (quorum 1 or 2, each alternative below 2^21), so exact.
      const [a, b] = [table.alternative(from), table.alternative(from + 1)];
      return -(
        1 +
        table.quorum(r) * PAIR_LIMIT * PAIR_LIMIT +
        Math.min(a, b) * PAIR_LIMIT +
        Math.max(a, b)
      );
    }
    const sorted: number[] = [];
    for (let k = from; k < to; k++) sorted.push(table.alternative(k));
    // Groups are mostly of two or three: put in order in place, without a call per comparison.
    if (sorted.length <= SMALL_GROUP) insertionSort(sorted);
    else sorted.sort((a, b) => a - b);
    return `${table.quorum(r)}\u0000${sorted.join(',')}`;
  }

  /** listedBefore's equality on columns: both groups or neither, and the same alternatives. */
  private same(a: number, b: number): boolean {
    const table = this.table;
    if (table.group(a) !== table.group(b) || table.quorum(a) !== table.quorum(b)) return false;
    const aFrom = table.altFrom(a);
    const aTo = table.altFrom(a + 1);
    const bFrom = table.altFrom(b);
    const bTo = table.altFrom(b + 1);
    if (aTo - aFrom !== bTo - bFrom) return false;
    for (let i = aFrom; i < aTo; i++) {
      let found = false;
      for (let k = bFrom; k < bTo && !found; k++)
        found = table.alternative(k) === table.alternative(i);
      if (!found) return false;
    }
    return true;
  }

  private requirement(item: unknown, offset: number): void {
    if (typeof item === 'string') {
      this.table.addAlternative(this.dependency(item));
      this.table.closeRequirement(1, false, false, offset);
      return;
    }
    if (!isPlainMap(item)) return this.stop();
    const entry = item;
    const keys = Object.keys(entry);
    this.keys += keys.length;
    let shapes = 0;
    for (const key of keys) {
      if (!(DEPENDENCY_KEYS as readonly string[]).includes(key)) this.stop();
      if (key === 'service' || key === 'any_of' || key === 'of') shapes++;
    }
    if (shapes !== 1) this.stop();
    const soft =
      'soft' in entry ? readBoolean(this.scalar(entry.soft), -1, this.src, 'soft')! : false;
    const tolerates =
      'tolerates' in entry
        ? readDuration(this.scalar(entry.tolerates), -1, this.src, 'tolerates')!
        : 0;
    if ('service' in entry) {
      if ('quorum' in entry) this.stop();
      this.table.addAlternative(this.dependency(entry.service));
      this.table.closeRequirement(1, soft, false, offset);
    } else {
      this.group(entry, soft, offset);
    }
    if (tolerates > 0) this.table.setTolerance(this.table.size - 1, tolerates);
  }

  private group(entry: Record<string, unknown>, soft: boolean, offset: number): void {
    const isOf = 'of' in entry;
    if (isOf !== 'quorum' in entry) this.stop();
    const list = isOf ? entry.of : entry.any_of;
    if (!Array.isArray(list) || list.length === 0) return this.stop();
    const alternatives = list as unknown[];
    const seen = alternatives.length > 8 ? new Set<string>() : undefined;
    for (let i = 0; i < alternatives.length; i++) {
      const id = alternatives[i];
      this.table.addAlternative(this.dependency(id));
      if (seen ? seen.has(id as string) : alternatives.indexOf(id) < i) this.stop();
      seen?.add(id as string);
    }
    const quorum = isOf ? entry.quorum : 1;
    if (!(typeof quorum === 'number' && Number.isInteger(quorum))) return this.stop();
    if (quorum < 1 || quorum > alternatives.length) this.stop();
    this.table.closeRequirement(quorum, soft, true, offset);
  }

  /** A mapping or a list is never a valid value of `soft` or `tolerates`. */
  private scalar(value: unknown): string | number | boolean | null {
    if (typeof value === 'object' && value !== null) return this.stop();
    return value as string | number | boolean | null;
  }
}

/** Declaration numbers below this make a group of two a number of its own (key). */
const PAIR_LIMIT = 2 ** 21;

/** Groups of at most this many alternatives are put in order by insertion. */
const SMALL_GROUP = 16;

/** `numbers` in increasing order, in place. */
function insertionSort(numbers: number[]): void {
  for (let i = 1; i < numbers.length; i++) {
    const value = numbers[i]!;
    let j = i - 1;
    for (; j >= 0 && numbers[j]! > value; j--) numbers[j + 1] = numbers[j]!;
    numbers[j + 1] = value;
  }
}
