// Reads the services of a JSON manifest from the values JSON.parse built, without a document
// tree: the same checks as readService, the same Services, positions from the offsets a scan
// recorded. It stops at the first thing that would be an error (ReadStopped); the caller then
// reads the file with the positional parser, which reports every error where it is.

import { readBoolean, readDuration, readSharedField, type SharedFields } from './fields.js';
import { buildService, FAILURE_FIELDS, type OwnFields } from './service.js';
import { inCopyOrder } from './copies.js';
import { COPY_KEYS, isDefaultKey } from './keys.js';
import { PlainDependencies } from './plain-depends-on.js';
import type { DocNode, DocSeq } from '../parse/doc-node.js';
import { isPlainMap } from '../parse/plain-json.js';
import { NameList } from '../parse/services-json.js';
import type { References } from './references.js';
import type { RequirementTable } from '../held-requirements.js';
import type { StopAtFirstError } from '../parse/source-file.js';
import type { DataCopy, Service, SourcePosition } from '../types.js';

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

  private fields(body: Record<string, unknown>, fields: SharedFields, own: OwnFields): void {
    const src = this.src;
    const keys = Object.keys(body);
    this.keys += keys.length;
    for (const key of keys) {
      const value = body[key];
      if (key === 'depends_on') this.dependsOn(value, own.held!.slot);
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
    if (value instanceof NameList) return this.monitorNames(value);
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
  private monitorNames(list: NameList): string[] {
    const names = list.names;
    const monitors: string[] = [];
    const seen = names.length > 8 ? new Set<number>() : undefined;
    for (let i = 0; i < names.length; i++) {
      const name = names[i]!;
      // A service may monitor itself (readMonitors allows it), but not list an id twice.
      if (seen ? seen.has(name) : names.indexOf(name) < i) this.stop();
      seen?.add(name);
      this.declaredName(list.read, name);
      monitors.push(list.read.names[name]!);
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
