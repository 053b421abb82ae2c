// A service as the loader makes it, and requirements held in columns: a service read from a
// large JSON manifest keeps its table and slot (requirement-table.ts) in private fields, and
// its `dependsOn` becomes its Requirement objects (positions included) only when something
// reads it; the compiled graph reads the columns directly. Until then nothing but numbers is
// held, so loading does not make 700,000 small objects for the collector. The fields are set
// in the constructor, in their one order, so that they sit in the object itself.

import type { RequirementTable } from './requirement-table.js';
import type { SourceFile } from './parse/source-file.js';
import type { DataCopy, Requirement, Service, SourcePosition, Tier } from './types.js';

/**
 * Where a service's id is written, as an offset of its file: its `position` is made from it
 * the first time anything reads it (most of a large manifest's never are).
 */
export interface WrittenAt {
  readonly src: SourceFile;
  readonly offset: number;
}

/** A Service's values, its position given as one or as where it is written. */
export type ServiceValues = Omit<Service, 'position'> & { position: SourcePosition | WrittenAt };

/** Where a held service's requirements are: its table and slot. */
export interface HeldRequirements {
  readonly table: RequirementTable;
  readonly slot: number;
}

/**
 * The one list every loaded service holds for an empty `tags`, `monitors` or `dependsOn`: a
 * hundred thousand services would otherwise keep three hundred thousand empty arrays alive,
 * each copied by the young-generation collector. Frozen, so that code which pushes onto a
 * service's list instead of replacing it (as overlays do) fails loudly instead of changing
 * every service at once.
 */
const NO_ITEMS: never[] = Object.freeze([]) as unknown as never[];

/** The shared empty list, for a list a loaded service only reads (it is frozen). */
export function noItems<T>(): T[] {
  return NO_ITEMS;
}

/** `list`, or the shared empty list when it is empty. */
function sharedWhenEmpty<T>(list: T[]): T[] {
  return list.length === 0 ? NO_ITEMS : list;
}

// Shared by every held service, so that they all keep one shape (one hidden class).
const DEPENDS_ON: PropertyDescriptor = {
  get(this: LoadedService): Requirement[] {
    const where = LoadedService.held(this)!;
    const requirements = where.table.requirements(where.slot);
    LoadedService.settle(this, requirements);
    return requirements;
  },
  set(this: LoadedService, requirements: Requirement[]): void {
    LoadedService.settle(this, requirements);
  },
  enumerable: true,
  configurable: true,
};

// Shared by every service whose position is made when read.
const POSITION: PropertyDescriptor = {
  get(this: LoadedService): SourcePosition {
    const position = LoadedService.writtenAt(this);
    LoadedService.settlePosition(this, position);
    return position;
  },
  set(this: LoadedService, position: SourcePosition): void {
    LoadedService.settlePosition(this, position);
  },
  enumerable: true,
  configurable: true,
};

/**
 * A Service whose keys are those of `values` that are set, in the order of SERVICE_FIELD_ORDER
 * (JSON output follows it); `dependsOn` from `held` when given, and the service has requirements
 * there. Private fields are not keys: JSON, spreads, key lists and equality never see them.
 */
export class LoadedService implements Service {
  #table: RequirementTable | undefined;
  #slot = 0;
  #src: SourceFile | undefined;
  #offset = 0;
  declare id: string;
  declare entrypoint: boolean;
  declare virtual?: true;
  declare kind?: string;
  declare owner?: string;
  declare tier?: Tier;
  declare tags: string[];
  declare provider?: string;
  declare region?: string;
  declare zone?: string;
  declare sla?: number;
  declare costPerHour: number;
  declare rto?: number;
  declare recoveryTime?: number;
  declare monitors: string[];
  declare dependsOn: Requirement[];
  declare copies?: DataCopy[];
  declare position: SourcePosition;

  constructor(values: ServiceValues, held: HeldRequirements | undefined) {
    this.id = values.id;
    this.entrypoint = values.entrypoint;
    if (values.virtual) this.virtual = true;
    if (values.kind !== undefined) this.kind = values.kind;
    if (values.owner !== undefined) this.owner = values.owner;
    if (values.tier !== undefined) this.tier = values.tier;
    this.tags = sharedWhenEmpty(values.tags);
    if (values.provider !== undefined) this.provider = values.provider;
    if (values.region !== undefined) this.region = values.region;
    if (values.zone !== undefined) this.zone = values.zone;
    if (values.sla !== undefined) this.sla = values.sla;
    this.costPerHour = values.costPerHour;
    if (values.rto !== undefined) this.rto = values.rto;
    if (values.recoveryTime !== undefined) this.recoveryTime = values.recoveryTime;
    this.monitors = sharedWhenEmpty(values.monitors);
    // A service without requirements has an empty list, as the positional reader's (nothing
    // to hold, and an accessor costs more to make).
    if (held === undefined || held.table.first(held.slot) === held.table.end(held.slot)) {
      this.dependsOn = sharedWhenEmpty(values.dependsOn);
    } else {
      this.#table = held.table;
      this.#slot = held.slot;
      Object.defineProperty(this, 'dependsOn', DEPENDS_ON);
    }
    if (values.copies !== undefined) this.copies = values.copies;
    const position = values.position;
    if ('offset' in position) {
      this.#src = position.src;
      this.#offset = position.offset;
      Object.defineProperty(this, 'position', POSITION);
    } else {
      this.position = position;
    }
  }

  /** The position of a service whose position is made when read. */
  static writtenAt(service: LoadedService): SourcePosition {
    return service.#src!.position(service.#offset);
  }

  /** `position` from now on a plain property (in its place among the keys). */
  static settlePosition(service: LoadedService, position: SourcePosition): void {
    service.#src = undefined;
    becomePlain(service, 'position', position);
  }

  /** The columns `service` holds, while it holds them. */
  static held(service: Service): HeldRequirements | undefined {
    const table = LoadedService.table(service);
    return table === undefined ? undefined : { table, slot: LoadedService.slot(service) };
  }

  /** The table holding `service`'s requirements, while it holds them. */
  static table(service: Service): RequirementTable | undefined {
    return service instanceof LoadedService ? service.#table : undefined;
  }

  /** The slot of `service`'s requirements in its table (meaningful while it holds them). */
  static slot(service: Service): number {
    return service instanceof LoadedService ? service.#slot : 0;
  }

  /** Replaces the held requirements by objects, which `dependsOn` then is, as any other service's. */
  static settle(service: LoadedService, requirements: Requirement[]): void {
    service.#table = undefined;
    becomePlain(service, 'dependsOn', requirements);
  }
}

/** Turns the accessor `key` of `service` into a plain property holding `value`, in its place. */
function becomePlain(service: LoadedService, key: 'dependsOn' | 'position', value: unknown): void {
  Object.defineProperty(service, key, {
    value,
    writable: true,
    enumerable: true,
    configurable: true,
  });
}

/**
 * The columns of `service`'s requirements while nothing has read (or replaced) its `dependsOn`;
 * undefined afterwards, and for services read otherwise.
 */
export function heldRequirements(service: Service): HeldRequirements | undefined {
  return LoadedService.held(service);
}

/** The table holding `service`'s requirements while it holds them: for the compiled graph. */
export function heldTable(service: Service): RequirementTable | undefined {
  return LoadedService.table(service);
}

/** The slot of `service`'s requirements in heldTable(service). */
export function heldSlot(service: Service): number {
  return LoadedService.slot(service);
}

/**
 * Where the i-th requirement of `service` is written, read from its columns while they are held:
 * asking for one position does not turn all of its requirements into objects.
 */
export function requirementPosition(service: Service, i: number): SourcePosition {
  const where = LoadedService.held(service);
  if (where === undefined) return service.dependsOn[i]!.position;
  return where.table.position(where.table.first(where.slot) + i);
}
