// import/backstage/ — a manifest from a Backstage software catalog.
//
// `import backstage`: a service per Component and Resource (and per System that something
// depends on); dependsOn/dependencyOf, and consumesApis resolved to the components that provide
// the API, become dependencies; owner, type, lifecycle, system and tags are carried over.

import { locationTargets, readCatalogFile, type CatalogEntity } from './entities.js';
import { DEFAULT_NAMESPACE, parseEntityRef, refKey, shortRef, type EntityRef } from './refs.js';
import { Diagnostics, type InputPlace } from '../shared/diagnostics.js';
import {
  importResult,
  newService,
  type ImportResult,
  type ImportedService,
  type SourceText,
} from '../shared/imported-manifest.js';
import { assignIds } from '../shared/service-ids.js';
import type { YamlPath } from '../shared/yaml-documents.js';

const SERVICE_KINDS = new Set(['component', 'resource']);

const CAVEATS = [
  'A service per Component and Resource, and per System something depends on (it depends on its',
  'components and resources). dependsOn, dependencyOf and consumesApis (on the components that',
  'provide the API; several: any_of) are hard dependencies: mark optional ones `soft: true`.',
];

/** An entity reference as written, with where, resolved against the catalog. */
interface Reference {
  from: CatalogEntity;
  field: string;
  text: string;
  place: InputPlace;
  ref: EntityRef | undefined;
}

export function importBackstage(inputs: readonly SourceText[]): ImportResult {
  const diagnostics = new Diagnostics();
  const catalog = new Catalog(inputs, diagnostics);
  const caveats = [...CAVEATS, `${catalog.size} entities read from ${inputs.length} files.`];
  return importResult('backstage', inputs, caveats, catalog.services(), diagnostics);
}

class Catalog {
  private readonly entities = new Map<string, CatalogEntity>();
  /** API key -> the entities that provide it. */
  private readonly providers = new Map<string, CatalogEntity[]>();
  private readonly serviceOf = new Map<string, ImportedService>();

  constructor(
    inputs: readonly SourceText[],
    private readonly diagnostics: Diagnostics,
  ) {
    for (const input of inputs) {
      for (const entity of readCatalogFile(input, diagnostics)) this.add(entity);
    }
  }

  get size(): number {
    return this.entities.size;
  }

  services(): ImportedService[] {
    const all = [...this.entities.values()];
    for (const entity of all) {
      if (entity.kindKey === 'location') locationTargets(entity); // type errors only
      for (const ref of this.references(entity, 'providesApis', 'api')) {
        const api = this.resolve(ref);
        if (api)
          this.providers.set(keyOf(api), [...(this.providers.get(keyOf(api)) ?? []), entity]);
      }
    }
    const needed = all.filter((e) => SERVICE_KINDS.has(e.kindKey));
    const edges = new Map<CatalogEntity, { to: CatalogEntity[]; note: string }[]>();
    const pending = [...needed];
    const included = new Set(needed);
    for (let entity = pending.shift(); entity; entity = pending.shift()) {
      const found = this.dependencies(entity, all);
      edges.set(entity, found);
      for (const target of found.flatMap((edge) => edge.to)) {
        if (!included.has(target)) {
          included.add(target);
          pending.push(target);
        }
      }
    }
    const ids = assignIds(
      [...included].map((e) => ({ key: keyOf(e), candidates: idCandidates(e) })),
    );
    for (const entity of included)
      this.serviceOf.set(keyOf(entity), this.describe(entity, ids.get(keyOf(entity))!));
    for (const [entity, found] of edges) {
      const service = this.serviceOf.get(keyOf(entity))!;
      for (const { to, note } of found) {
        service.dependsOn.push({
          anyOf: to.map((t) => this.serviceOf.get(keyOf(t))!.id),
          soft: false,
          note,
        });
      }
    }
    return [...this.serviceOf.values()];
  }

  private add(entity: CatalogEntity): void {
    const key = keyOf(entity);
    const earlier = this.entities.get(key);
    if (earlier) {
      const where = `${earlier.file}:${earlier.place.line ?? 1}`;
      this.diagnostics.warning(
        entity.place,
        `${describe(entity)} is declared again (first at ${where}); the first is used`,
      );
      return;
    }
    this.entities.set(key, entity);
  }

  /** What `entity` depends on: its own dependsOn and consumesApis, others' dependencyOf. */
  private dependencies(entity: CatalogEntity, all: readonly CatalogEntity[]) {
    const found: { to: CatalogEntity[]; note: string }[] = [];
    for (const ref of this.references(entity, 'dependsOn', undefined)) {
      const target = this.resolve(ref);
      if (target) found.push(...this.asDependency(ref, target, `dependsOn ${ref.text}`));
    }
    for (const ref of this.references(entity, 'consumesApis', 'api')) {
      const api = this.resolve(ref);
      if (api) found.push(...this.asDependency(ref, api, `consumesApis ${ref.text}`));
    }
    if (entity.kindKey === 'system') {
      const parts = all.filter(
        (e) => SERVICE_KINDS.has(e.kindKey) && this.systemOf(e) === keyOf(entity),
      );
      for (const part of parts) found.push({ to: [part], note: `part of the system` });
    }
    for (const other of all) {
      for (const ref of this.references(other, 'dependencyOf', undefined, false)) {
        if (this.resolve(ref, false) === entity)
          found.push({ to: [other], note: `${describe(other)} dependencyOf` });
      }
    }
    return found;
  }

  private asDependency(
    ref: Reference,
    target: CatalogEntity,
    note: string,
  ): { to: CatalogEntity[]; note: string }[] {
    if (SERVICE_KINDS.has(target.kindKey) || target.kindKey === 'system')
      return [{ to: [target], note }];
    if (target.kindKey === 'api') {
      const providers = this.providers.get(keyOf(target)) ?? [];
      if (providers.length > 0) return [{ to: providers, note }];
      this.diagnostics.warning(
        ref.place,
        `${describe(ref.from)}: no entity in the catalog provides ${describe(target)}; no dependency made`,
      );
      return [];
    }
    this.diagnostics.warning(
      ref.place,
      `${describe(ref.from)}: ${ref.field} names ${describe(target)}, which is not a component, resource, system or API; no dependency made`,
    );
    return [];
  }

  private systemOf(entity: CatalogEntity): string | undefined {
    const [ref] = this.references(entity, 'system', 'system', false);
    return ref?.ref?.kind === undefined ? undefined : refKey({ ...ref.ref, kind: ref.ref.kind });
  }

  private describe(entity: CatalogEntity, id: string): ImportedService {
    const service = newService(id);
    service.notes.push(describe(entity));
    const { spec, metadata, check } = entity;
    service.kind = check.string(spec, ['spec'], 'type');
    const [owner] = this.references(entity, 'owner', 'group');
    if (owner?.ref) service.owner = shortRef(owner.ref, 'group');
    if (owner) this.resolve(owner);
    service.tags.push(...(check.stringList(metadata, ['metadata'], 'tags') ?? []));
    const lifecycle = check.string(spec, ['spec'], 'lifecycle');
    if (lifecycle !== undefined) service.tags.push(`lifecycle:${lifecycle}`);
    for (const [field, kind] of [
      ['system', 'system'],
      ['domain', 'domain'],
      ['subcomponentOf', 'component'],
    ] as const) {
      for (const ref of this.references(entity, field, kind)) {
        this.resolve(ref);
        if (ref.ref && field === 'system')
          service.tags.push(`system:${shortRef(ref.ref, 'system')}`);
        else if (ref.ref) service.notes.push(`${field} ${shortRef(ref.ref, kind)}`);
      }
    }
    return service;
  }

  /** The references in `field` of `entity` (a string or a list of strings). */
  private references(
    entity: CatalogEntity,
    field: string,
    defaultKind: string | undefined,
    report = true,
  ): Reference[] {
    const { check, spec } = entity;
    const value = spec[field];
    // Type errors (a number where references belong) are reported once, by the first reader.
    if (report && typeof value !== 'string') check.stringList(spec, ['spec'], field);
    const items: [unknown, YamlPath][] = Array.isArray(value)
      ? value.map((item: unknown, i) => [item, ['spec', field, i]])
      : [[value, ['spec', field]]];
    const references: Reference[] = [];
    for (const [text, at] of items) {
      if (typeof text !== 'string') continue;
      const ref = parseEntityRef(text, defaultKind, entity.namespace.toLowerCase());
      references.push({ from: entity, field, text, place: check.place(at), ref });
    }
    return references;
  }

  /** The entity a reference names, or undefined with a warning saying why. */
  private resolve(reference: Reference, report = true): CatalogEntity | undefined {
    const { ref, from, field, text, place } = reference;
    const warn = (why: string) => {
      if (report) this.diagnostics.warning(place, `${describe(from)}: ${field} "${text}" ${why}`);
    };
    if (ref === undefined) {
      warn('is not an entity reference');
      return undefined;
    }
    if (ref.kind !== undefined) {
      const found = this.entities.get(refKey({ ...ref, kind: ref.kind }));
      if (!found) warn('names no entity in the catalog');
      return found;
    }
    // dependsOn needs a kind (Backstage refuses the entity without one): guess, and say so.
    const guess = ['component', 'resource']
      .map((kind) => this.entities.get(refKey({ ...ref, kind })))
      .find((entity) => entity !== undefined);
    warn(
      guess
        ? `has no kind; taken as ${describe(guess)}`
        : 'has no kind and names no component or resource',
    );
    return guess;
  }
}

function keyOf(entity: CatalogEntity): string {
  return `${entity.kindKey}:${entity.namespace.toLowerCase()}/${entity.name.toLowerCase()}`;
}

function describe(entity: CatalogEntity): string {
  return `${entity.kind} ${entity.namespace}/${entity.name}`;
}

/** The entity name in the default namespace, `namespace/name` elsewhere; the kind only on a clash. */
function idCandidates(entity: CatalogEntity): string[] {
  const base =
    entity.namespace.toLowerCase() === DEFAULT_NAMESPACE
      ? entity.name
      : `${entity.namespace}/${entity.name}`;
  return [base, `${entity.kindKey}:${base}`];
}
