// Reads `depends_on` from the values JSON.parse built: plain ids, `{service}`, `{any_of}` and
// `{quorum, of}` entries with `soft` and `tolerates`, into the Requirements readDependsOn makes,
// stopping at whatever it would report. Also the reading state the service reader shares.

import { listedBefore, requirementKey } from './depends-on.js';
import { readBoolean, readDuration } from './fields.js';
import { DEPENDENCY_KEYS } from './keys.js';
import { isPlainMap } from '../parse/plain-json.js';
import type { References } from './references.js';
import type { StopAtFirstError } from '../parse/source-file.js';
import type { Requirement, SourcePosition } from '../types.js';

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
  ) {}

  /** True when every entry offset was used: each list was where the scan found one. */
  get usedEveryEntry(): boolean {
    return this.next === this.entries.length;
  }

  /** Where readService would report an error: the source stops the read. */
  protected stop(): never {
    return this.src.error();
  }

  /** Position of the next list entry of the scan. */
  protected nextPosition(): SourcePosition {
    const offset = this.entries[this.next++];
    return offset === undefined ? this.stop() : this.src.position(offset);
  }

  protected reference(item: unknown, field: 'depends_on' | 'monitors' | 'copies'): string {
    if (typeof item === 'object' && item !== null) return this.stop();
    const id = this.references.check(item as string, -1, this.src, this.owner, field);
    return id ?? this.stop();
  }

  protected dependsOn(value: unknown): Requirement[] {
    if (!Array.isArray(value)) return this.stop();
    const items = value as unknown[];
    const requirements: Requirement[] = [];
    // The same test for an entry listed twice as readDependsOn, in the same two ways.
    const seen = items.length > 8 ? new Set<string>() : undefined;
    for (const item of items) {
      const position = this.nextPosition();
      const requirement = this.requirement(item, position);
      const key = seen ? requirementKey(requirement) : '';
      if (seen ? seen.has(key) : listedBefore(requirements, requirement)) this.stop();
      seen?.add(key);
      requirements.push(requirement);
    }
    return requirements;
  }

  private requirement(item: unknown, position: SourcePosition): Requirement {
    if (typeof item === 'string') {
      const id = this.reference(item, 'depends_on');
      return { alternatives: [id], quorum: 1, soft: false, group: false, position };
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
    const requirement =
      'service' in entry ? this.single(entry, position) : this.group(entry, position);
    requirement.soft = soft;
    if (tolerates > 0) requirement.tolerates = tolerates;
    return requirement;
  }

  private single(entry: Record<string, unknown>, position: SourcePosition): Requirement {
    if ('quorum' in entry) this.stop();
    const id = this.reference(entry.service, 'depends_on');
    return { alternatives: [id], quorum: 1, soft: false, group: false, position };
  }

  private group(entry: Record<string, unknown>, position: SourcePosition): Requirement {
    const isOf = 'of' in entry;
    if (isOf !== 'quorum' in entry) this.stop();
    const list = isOf ? entry.of : entry.any_of;
    if (!Array.isArray(list) || list.length === 0) return this.stop();
    const alternatives = list as unknown[];
    const seen = alternatives.length > 8 ? new Set<string>() : undefined;
    for (let i = 0; i < alternatives.length; i++) {
      const id = this.reference(alternatives[i], 'depends_on');
      if (seen ? seen.has(id) : alternatives.indexOf(id) < i) this.stop();
      seen?.add(id);
    }
    const quorum = isOf ? entry.quorum : 1;
    if (!(typeof quorum === 'number' && Number.isInteger(quorum))) return this.stop();
    if (quorum < 1 || quorum > alternatives.length) this.stop();
    // JSON.parse made the list for this entry alone: it becomes the requirement's own.
    return { alternatives: alternatives as string[], quorum, soft: false, group: true, position };
  }

  /** A mapping or a list is never a valid value of `soft` or `tolerates`. */
  private scalar(value: unknown): string | number | boolean | null {
    if (typeof value === 'object' && value !== null) return this.stop();
    return value as string | number | boolean | null;
  }
}
