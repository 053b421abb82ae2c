// The services of a JSON manifest read from JSON.parse's values, or, at the first thing that
// would be an error, from the positional parser's tree instead, so that every error is reported
// by the one reader that knows where everything is written.

import { isMap, type DocMap } from '../parse/doc-node.js';
import type { ManifestFile } from './manifest-file.js';
import { parseJson } from '../parse/parse-json.js';
import { PlainServiceReader } from '../fields/plain-service.js';
import { RequirementTable } from '../requirement-table.js';
import type { References } from '../fields/references.js';
import { ReadStopped, StopAtFirstError } from '../parse/source-file.js';
import type { Service, SourcePosition } from '../types.js';

/**
 * The services of `file` read from its plain values, their requirements held in columns;
 * undefined when the read stopped or the values do not match what the scan found written.
 * `position`: where id i is declared (services of the one-pass read make theirs from where
 * the id is written, when read). `first`: the declaration number of the file's first id when
 * its ids are numbered in its order, else -1.
 */
export function readPlainServices(
  file: ManifestFile,
  position: (i: number) => SourcePosition,
  references: References,
  first: number,
): Service[] | undefined {
  const plain = file.plain;
  if (plain === undefined) return undefined;
  const src = new StopAtFirstError(file.src);
  const table = plain.table ?? new RequirementTable(file.src);
  table.ids = references.ids;
  const reader = new PlainServiceReader(
    src,
    references,
    plain.offsets.entries,
    table,
    file.defaults,
    first,
  );
  reader.keys = plain.ids.length;
  const services: Service[] = [];
  try {
    const columns = plain.columns;
    const ids = plain.offsets.ids;
    for (let i = 0; i < plain.ids.length; i++) {
      services.push(
        columns !== undefined
          ? reader.serviceOfRead(columns, i, plain.ids[i]!, { src: file.src, offset: ids[i]! })
          : reader.service(plain.ids[i]!, position(i), plain.bodies[i]),
      );
    }
  } catch (error) {
    if (error instanceof ReadStopped) return undefined;
    throw error;
  }
  // A repeated key (JSON.parse kept one) or a list the scan did not see: read with positions.
  // (The one-pass read refuses repeated keys itself: it counts none.)
  const keysAsWritten = plain.offsets.keys < 0 || reader.keys === plain.offsets.keys;
  return keysAsWritten && reader.usedEveryEntry ? services : undefined;
}

/**
 * Gives up the plain values of `file` for the positional parser's `services` mapping, which
 * the quick read skipped.
 */
export function readServicesWithPositions(file: ManifestFile): void {
  if (file.plain === undefined) return;
  delete file.plain;
  const { root, problems } = parseJson(file.src.text);
  for (const problem of problems) file.src.problem(problem);
  if (root === undefined || !isMap(root)) return;
  const at = root.keys.indexOf('services');
  const services: DocMap | undefined = at === -1 ? undefined : (root.values[at] as DocMap);
  if (services !== undefined && isMap(services)) file.services = services;
}
