// Requirements kept in columns of typed arrays instead of objects, for the services of a large
// JSON manifest (held-requirements.ts makes a service's `dependsOn` from them when read).

import type { SourceFile } from './parse/source-file.js';
import type { Requirement, SourcePosition } from './types.js';

const SOFT = 1;
const GROUP = 2;

/** The requirements of one file's services, in columns; alternatives as declaration numbers. */
export class RequirementTable {
  /** Requirements of slot s: start[s] .. start[s+1]-1 (slots are services, in reading order). */
  private start: Int32Array;
  private slots = 0;
  private quorums: Int32Array;
  private flags: Uint8Array;
  private tolerances: Float64Array;
  /** Where each requirement is written in the file. */
  private offsets: Int32Array;
  /** Alternatives of requirement r: alts[altStart[r]] .. alts[altStart[r+1]-1]. */
  private altStart: Int32Array;
  private alts: Int32Array;
  private count = 0;
  private altCount = 0;

  /** Where the last service's requirements end. */
  private slotEnd = 0;

  constructor(
    readonly src: SourceFile,
    /**
     * Service ids by declaration number, across every file of the manifest: what the
     * alternatives are numbers of, once the files are read (until then, any numbering).
     */
    public ids: readonly string[] = [],
    /**
     * The length of the text the requirements are read from, to size the columns once for
     * what such a text holds at most in the usual layouts (they still grow past that).
     */
    textLength = 0,
  ) {
    const services = Math.max(1024, textLength >> 7);
    const requirements = Math.max(4096, Math.floor(textLength / 40));
    this.start = new Int32Array(services);
    this.quorums = new Int32Array(requirements);
    this.flags = new Uint8Array(requirements);
    this.tolerances = new Float64Array(requirements);
    this.offsets = new Int32Array(requirements);
    this.altStart = new Int32Array(requirements);
    this.alts = new Int32Array(Math.max(8192, textLength >> 5));
  }

  /** Starts a new service, whose requirements are those added next; its slot. */
  openService(): number {
    if (this.slots + 1 >= this.start.length) this.start = grow(this.start, this.start.length * 2);
    this.start[this.slots] = this.slotEnd;
    this.start[this.slots + 1] = this.slotEnd;
    return this.slots++;
  }

  /** Ends the service opened last: its requirements end before requirement `end`. */
  closeService(end: number): void {
    this.start[this.slots] = end;
    this.slotEnd = end;
  }

  /** Ends the requirement being added. */
  closeRequirement(quorum: number, soft: boolean, group: boolean, offset: number): void {
    const r = this.count;
    if (r + 2 > this.quorums.length) this.growRequirements();
    this.quorums[r] = quorum;
    this.flags[r] = (soft ? SOFT : 0) | (group ? GROUP : 0);
    this.offsets[r] = offset;
    this.count = r + 1;
    this.altStart[this.count] = this.altCount;
  }

  /** Adds an alternative (a declaration number) to the requirement being added. */
  addAlternative(declared: number): void {
    if (this.altCount === this.alts.length) this.alts = grow(this.alts, this.alts.length * 2);
    this.alts[this.altCount++] = declared;
  }

  /** Alternatives added so far to the requirement being added. */
  get pendingAlternatives(): number {
    return this.altCount - this.altStart[this.count]!;
  }

  /** Sets the tolerance of requirement r. */
  setTolerance(r: number, seconds: number): void {
    this.tolerances[r] = seconds;
  }

  /** The first requirement of `slot`. */
  first(slot: number): number {
    return this.start[slot]!;
  }

  /** One past the last requirement of `slot`. */
  end(slot: number): number {
    return this.start[slot + 1]!;
  }

  /** The number of requirements added so far. */
  get size(): number {
    return this.count;
  }

  quorum(r: number): number {
    return this.quorums[r]!;
  }

  soft(r: number): boolean {
    return (this.flags[r]! & SOFT) !== 0;
  }

  group(r: number): boolean {
    return (this.flags[r]! & GROUP) !== 0;
  }

  tolerance(r: number): number {
    return this.tolerances[r]!;
  }

  /** The first alternative of requirement r (alternatives of r: altFrom(r) .. altFrom(r+1)-1). */
  altFrom(r: number): number {
    return this.altStart[r]!;
  }

  alternative(k: number): number {
    return this.alts[k]!;
  }

  /** Where requirement r is written, as its Requirement's `position` says. */
  position(r: number): SourcePosition {
    return this.src.position(this.offsets[r]!);
  }

  /** Renumbers alternative k (from a number of the file's names to a declaration number). */
  renumber(k: number, declared: number): void {
    this.alts[k] = declared;
  }

  /** The Requirements of `slot`, as the positional reader makes them, key order included. */
  requirements(slot: number): Requirement[] {
    const from = this.start[slot]!;
    const to = this.start[slot + 1]!;
    const list: Requirement[] = [];
    for (let r = from; r < to; r++) {
      const alternatives: string[] = [];
      for (let k = this.altStart[r]!; k < this.altStart[r + 1]!; k++) {
        alternatives.push(this.ids[this.alts[k]!]!);
      }
      const requirement: Requirement = {
        alternatives,
        quorum: this.quorums[r]!,
        soft: this.soft(r),
        group: this.group(r),
        position: this.position(r),
      };
      if (this.tolerances[r]! > 0) requirement.tolerates = this.tolerances[r]!;
      list.push(requirement);
    }
    return list;
  }

  private growRequirements(): void {
    const size = this.quorums.length * 2;
    this.quorums = grow(this.quorums, size);
    this.flags = grow(this.flags, size);
    this.tolerances = grow(this.tolerances, size);
    this.offsets = grow(this.offsets, size);
    this.altStart = grow(this.altStart, size);
  }
}

function grow<T extends Int32Array | Uint8Array | Float64Array>(column: T, size: number): T {
  const grown = new (column.constructor as new (n: number) => T)(size);
  grown.set(column);
  return grown;
}
