// Reads Backstage catalog files (multi-document YAML) into entities: kind, namespace, name,
// metadata and spec, each able to say where a field is written.

import type { Diagnostics, InputPlace } from '../shared/diagnostics.js';
import type { SourceText } from '../shared/imported-manifest.js';
import { DEFAULT_NAMESPACE } from './refs.js';
import { ShapeChecker } from '../shared/shape-checker.js';
import { isRecord, type Json } from '../shared/values.js';
import { parseYamlDocuments } from '../shared/yaml-documents.js';

export interface CatalogEntity {
  /** As written (`Component`); compare with `kindKey`. */
  kind: string;
  kindKey: string;
  namespace: string;
  name: string;
  metadata: Json;
  spec: Json;
  file: string;
  check: ShapeChecker;
  place: InputPlace;
}

export function readCatalogFile(input: SourceText, diagnostics: Diagnostics): CatalogEntity[] {
  const entities: CatalogEntity[] = [];
  for (const document of parseYamlDocuments(input.text, input.file, diagnostics)) {
    const value = document.value;
    if (value === null) continue;
    const check = new ShapeChecker(document, diagnostics);
    if (!isRecord(value)) {
      check.wrong([], 'a catalog entity (a mapping with apiVersion, kind, metadata)', value);
      continue;
    }
    const kind = check.string(value, [], 'kind');
    const metadata = check.map(value, [], 'metadata');
    const name = metadata && check.string(metadata, ['metadata'], 'name');
    if (kind === undefined || name === undefined || name === '') {
      if (kind === undefined && value['kind'] === undefined)
        check.wrong(['kind'], 'an entity kind', undefined);
      else if (name === undefined && (metadata === undefined || metadata['name'] === undefined)) {
        check.wrong(['metadata', 'name'], 'the name of the entity', undefined);
      }
      continue;
    }
    const namespace = check.string(metadata!, ['metadata'], 'namespace') ?? DEFAULT_NAMESPACE;
    entities.push({
      kind,
      kindKey: kind.toLowerCase(),
      namespace,
      name,
      metadata: metadata!,
      spec: check.map(value, [], 'spec') ?? {},
      file: input.file,
      check,
      place: check.place([]),
    });
  }
  return entities;
}

/** A Location entity's targets, with where each is written. */
export function locationTargets(entity: CatalogEntity): { target: string; place: InputPlace }[] {
  const { check, spec } = entity;
  const found: { target: string; place: InputPlace }[] = [];
  const single = check.string(spec, ['spec'], 'target');
  if (single !== undefined) found.push({ target: single, place: check.place(['spec', 'target']) });
  (check.stringList(spec, ['spec'], 'targets') ?? []).forEach((target, i) =>
    found.push({ target, place: check.place(['spec', 'targets', i]) }),
  );
  return found;
}
