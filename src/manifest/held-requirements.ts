// Requirements kept in columns of typed arrays instead of objects, for the services of a large
// JSON manifest: a service's `dependsOn` becomes its Requirement objects (positions included)
// only when something reads it, and the compiled graph reads the columns directly. Until then
// nothing but numbers is held, so loading does not make 700,000 small objects for the collector.

import type { SourceFile } from './parse/source-file.js';
import type { Requirement, Service, SourcePosition } from './types.js';

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

/** Where a held service's requirements are: its table and slot. */
export interface HeldRequirements {
  readonly table: RequirementTable;
  readonly slot: number;
}

// Where a held service's columns are, under a key of its own that is not enumerable: JSON,
// spreads and key lists never see it, and (unlike a WeakMap entry) it costs the collector
// nothing of its own.
const HELD: unique symbol = Symbol('held requirements');

interface WithHeld {
  [HELD]?: HeldRequirements | undefined;
}

/** The columns `service` holds, while it holds them. */
function heldBy(service: Service): HeldRequirements | undefined {
  return (service as Service & WithHeld)[HELD];
}

/** Replaces the held requirements by objects, which `dependsOn` then is, as any other service's. */
function settle(service: Service, requirements: Requirement[]): void {
  (service as Service & WithHeld)[HELD] = undefined;
  Object.defineProperty(service, 'dependsOn', {
    value: requirements,
    writable: true,
    enumerable: true,
    configurable: true,
  });
}

// Shared by every held service, so that they all keep one shape (one hidden class).
const DEPENDS_ON: PropertyDescriptor = {
  get(this: Service): Requirement[] {
    const where = heldBy(this)!;
    const requirements = where.table.requirements(where.slot);
    settle(this, requirements);
    return requirements;
  },
  set(this: Service, requirements: Requirement[]): void {
    settle(this, requirements);
  },
  enumerable: true,
  configurable: true,
};

/**
 * Gives `service` its `dependsOn` (the next key in its key order) from `where` (a table and
 * slot): an empty list when it has no requirements (nothing to hold, and an accessor costs more
 * to make).
 */
export function holdRequirements(service: Service, where: HeldRequirements): void {
  if (where.table.first(where.slot) === where.table.end(where.slot)) {
    service.dependsOn = [];
    return;
  }
  Object.defineProperty(service, HELD, { value: where, writable: true, configurable: false });
  Object.defineProperty(service, 'dependsOn', DEPENDS_ON);
}

/**
 * The columns of `service`'s requirements while nothing has read (or replaced) its `dependsOn`;
 * undefined afterwards, and for services read otherwise.
 */
export function heldRequirements(service: Service): HeldRequirements | undefined {
  return heldBy(service);
}

/**
 * Where the i-th requirement of `service` is written, read from its columns while they are held:
 * asking for one position does not turn all of its requirements into objects.
 */
export function requirementPosition(service: Service, i: number): SourcePosition {
  const where = heldBy(service);
  if (where === undefined) return service.dependsOn[i]!.position;
  return where.table.position(where.table.first(where.slot) + i);
}
