// Reads the services of a JSON manifest from the values JSON.parse built, or from the columns
// of the one-pass read, without a document tree: the same checks as readService, the same
// Services, positions from the offsets a scan recorded. It stops at the first thing that would
// be an error (ReadStopped); the caller then reads the file with the positional parser, which
// reports every error where it is.

import { readBoolean, readDuration, readSharedField, type SharedFields } from './fields.js';
import { buildService, FAILURE_FIELDS, type OwnFields } from './service.js';
import { inCopyOrder } from './copies.js';
import { COPY_KEYS, isDefaultKey, type DefaultKey } from './keys.js';
import { PlainDependencies } from './plain-depends-on.js';
import type { DocNode, DocSeq } from '../parse/doc-node.js';
import { isPlainMap } from '../parse/plain-json.js';
import {
  ENTRYPOINT_TRUE,
  fieldBit,
  NAME_FIELDS,
  NUMBER_FIELDS,
  VIRTUAL_TRUE,
  type ServiceColumns,
} from '../parse/services-json.js';
import type { References } from './references.js';
import { noItems, type WrittenAt } from '../held-requirements.js';
import type { RequirementTable } from '../requirement-table.js';
import type { StopAtFirstError } from '../parse/source-file.js';
import type { DataCopy, Service, SourcePosition, Tier } from '../types.js';

const FAILURE_BITS = FAILURE_FIELDS.reduce((bits, key) => bits | fieldBit(key), 0);
const MONITORS_BIT = fieldBit('monitors');
const DEPENDS_ON_BIT = fieldBit('depends_on');
const COPIES_BIT = fieldBit('copies');
const TAGS_BIT = fieldBit('tags');
const SLA_BIT = fieldBit('sla');
const COST_BIT = fieldBit('cost_per_hour');
const DURATION_KEYS = ['rto', 'recovery_time'] as const;
/** The shared fields other than the labels. */
const OTHER_SHARED_BITS =
  TAGS_BIT | SLA_BIT | COST_BIT | fieldBit('rto') | fieldBit('recovery_time');

/** Reads the bodies of one file's services; `entries` are the offsets of the scan. */
export class PlainServiceReader extends PlainDependencies {
  constructor(
    src: StopAtFirstError,
    references: References,
    entries: Int32Array,
    table: RequirementTable,
    private readonly defaults: SharedFields,
    firstId: number,
  ) {
    super(src, references, entries, table, firstId);
  }

  /** The service `id` declared at `position` with the JSON.parse value `body`. */
  service(id: string, position: SourcePosition, body: unknown): Service {
    this.owner = id;
    const fields: SharedFields = {};
    const slot = this.table.openService();
    const own: OwnFields = {
      entrypoint: false,
      virtual: false,
      monitors: [],
      dependsOn: [],
      copies: [],
      held: { table: this.table, slot },
    };
    if (body !== null) {
      if (!isPlainMap(body)) return this.stop();
      this.fields(body, fields, own);
    }
    return buildService(id, position, fields, this.defaults, own);
  }

  /** Service i of the one-pass read's `columns`, declared as `id` where `position` says. */
  serviceOfRead(columns: ServiceColumns, i: number, id: string, position: WrittenAt): Service {
    this.owner = id;
    const slot = this.table.openService();
    const present = columns.present[i]!;
    const flags = columns.flags[i]!;
    const virtual = (flags & VIRTUAL_TRUE) !== 0;
    if (virtual && (present & FAILURE_BITS) !== 0) this.stop();
    const names = columns.nameFields;
    const at = i * NAME_FIELDS.length;
    // Every key, so that every service's fields have one shape; absent ones undefined.
    const fields: SharedFields = {
      kind: names[at] === 0 ? undefined : this.label(columns, 0, names[at]!),
      owner: names[at + 1] === 0 ? undefined : this.label(columns, 1, names[at + 1]!),
      tier: names[at + 2] === 0 ? undefined : (this.label(columns, 2, names[at + 2]!) as Tier),
      tags: undefined,
      provider: names[at + 3] === 0 ? undefined : this.label(columns, 3, names[at + 3]!),
      region: names[at + 4] === 0 ? undefined : this.label(columns, 4, names[at + 4]!),
      zone: names[at + 5] === 0 ? undefined : this.label(columns, 5, names[at + 5]!),
      sla: undefined,
      costPerHour: undefined,
      rto: undefined,
      recoveryTime: undefined,
    };
    if ((present & OTHER_SHARED_BITS) !== 0) this.otherFields(columns, i, present, fields);
    // Lists only read from here on: the shared empty one unless the service has some.
    const own: OwnFields = {
      entrypoint: (flags & ENTRYPOINT_TRUE) !== 0,
      virtual,
      monitors: noItems(),
      dependsOn: noItems(),
      copies: noItems(),
      held: { table: this.table, slot },
    };
    if ((present & MONITORS_BIT) !== 0) {
      own.monitors = this.monitorNames(columns, columns.monitors.get(i)!);
    }
    if ((present & DEPENDS_ON_BIT) !== 0) {
      const [from, to] = [columns.dependsFrom[i]!, columns.dependsTo[i]!];
      this.fromColumns(columns, from, to, columns.idName[i]!, slot);
    }
    if ((present & COPIES_BIT) !== 0) own.copies = this.copies(columns.copies.get(i));
    return buildService(id, position, fields, this.defaults, own);
  }

  /** Labels (by their place in NAME_FIELDS) already checked, by name: bits of the places. */
  private checkedLabels: Uint8Array | undefined;

  /** The label `name` of field NAME_FIELDS[k], checked the first time it is met there. */
  private label(columns: ServiceColumns, k: number, held: number): string {
    const name = held - 1;
    let checked = this.checkedLabels;
    if (checked === undefined || checked.length < columns.names.length) {
      checked = this.checkedLabels = new Uint8Array(columns.names.length);
    }
    const value = columns.names[name]!;
    if ((checked[name]! & (1 << k)) === 0) {
      readSharedField(NAME_FIELDS[k] as DefaultKey, value, -1, this.src, {});
      checked[name]! |= 1 << k;
    }
    return value;
  }

  /** The fields past the labels: tags, sla, cost, and the durations (strings or numbers). */
  private otherFields(
    columns: ServiceColumns,
    i: number,
    present: number,
    fields: SharedFields,
  ): void {
    const src = this.src;
    const numbers = columns.numberFields;
    const at = i * NUMBER_FIELDS.length;
    if ((present & TAGS_BIT) !== 0) {
      const tags = columns.tags.get(i)!.map((name) => columns.names[name]!);
      readSharedField('tags', this.scalarOrList(tags), -1, src, fields);
    }
    if ((present & SLA_BIT) !== 0) readSharedField('sla', numbers[at]!, -1, src, fields);
    if ((present & COST_BIT) !== 0)
      readSharedField('cost_per_hour', numbers[at + 1]!, -1, src, fields);
    for (const key of DURATION_KEYS) {
      if ((present & fieldBit(key)) === 0) continue;
      // A string (a name), else a number of seconds.
      const name = columns.nameFields[i * NAME_FIELDS.length + NAME_FIELDS.indexOf(key)]!;
      const seconds = numbers[at + NUMBER_FIELDS.indexOf(key)]!;
      readSharedField(key, name === 0 ? seconds : columns.names[name - 1]!, -1, src, fields);
    }
  }

  private fields(body: Record<string, unknown>, fields: SharedFields, own: OwnFields): void {
    const src = this.src;
    const keys = Object.keys(body);
    this.keys += keys.length;
    for (const key of keys) {
      const value = body[key];
      if (key === 'depends_on') this.dependsOn(value);
      else if (key === 'entrypoint') own.entrypoint = this.boolean(value, key);
      else if (key === 'virtual') own.virtual = this.boolean(value, key);
      else if (key === 'monitors') own.monitors = this.monitors(value);
      else if (key === 'copies') own.copies = this.copies(value);
      else if (isDefaultKey(key)) readSharedField(key, this.scalarOrList(value), -1, src, fields);
      else this.stop();
    }
    if (own.virtual && FAILURE_FIELDS.some((key) => key in body)) this.stop();
  }

  private boolean(value: unknown, key: string): boolean {
    return readBoolean(this.scalarOrList(value), -1, this.src, key)!;
  }

  /**
   * The field readers take document nodes: a list becomes one without offsets (they are only
   * read for errors), and a mapping is never a valid field value here.
   */
  private scalarOrList(value: unknown): DocNode {
    if (Array.isArray(value)) {
      const list: DocSeq = { kind: 'seq', offset: -1, items: value as DocNode[], offsets: [] };
      return list;
    }
    if (typeof value === 'object' && value !== null) return this.stop();
    return value as DocNode;
  }

  private monitors(value: unknown): string[] {
    if (!Array.isArray(value)) return this.stop();
    const seen = new Set<string>();
    for (const item of value as unknown[]) {
      const id = this.reference(item, 'monitors');
      if (seen.has(id)) this.stop();
      seen.add(id);
    }
    return [...seen];
  }

  /** `monitors` as the one-pass read's names: the same checks, no lookup of strings. */
  private monitorNames(read: ServiceColumns, names: readonly number[]): string[] {
    const monitors: string[] = [];
    const seen = names.length > 8 ? new Set<number>() : undefined;
    for (let i = 0; i < names.length; i++) {
      const name = names[i]!;
      // A service may monitor itself (readMonitors allows it), but not list an id twice.
      if (seen ? seen.has(name) : names.indexOf(name) < i) this.stop();
      seen?.add(name);
      this.declaredName(read, name);
      monitors.push(read.names[name]!);
    }
    return monitors;
  }

  private copies(value: unknown): DataCopy[] {
    if (!Array.isArray(value)) return this.stop();
    const copies: DataCopy[] = [];
    for (const item of value as unknown[]) {
      const position = this.nextPosition();
      if (!isPlainMap(item)) return this.stop();
      const keys = Object.keys(item);
      this.keys += keys.length;
      if (!keys.every((key) => (COPY_KEYS as readonly string[]).includes(key))) this.stop();
      if (!('to' in item)) this.stop();
      const to = this.reference(item.to, 'copies');
      if (copies.some((other) => other.to === to)) this.stop();
      const copy: DataCopy = { to, position };
      if ('every' in item)
        copy.every = readDuration(this.scalarOrList(item.every), -1, this.src, 'every')!;
      copies.push(inCopyOrder(copy));
    }
    return copies;
  }
}
