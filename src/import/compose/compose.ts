// import/compose/ — a manifest from docker-compose files.
//
// `import compose`: docker compose files, merged in order like `docker compose -f a -f b`, with
// variables interpolated, profiles honoured and `depends_on` (short and long syntax) as the
// dependencies. depends_on is start order, which is usually but not always a runtime dependency.

import { byCodeUnit } from '../../compare.js';
import { interpolate } from './interpolation.js';
import { Diagnostics, type InputPlace } from '../shared/diagnostics.js';
import {
  importResult,
  newService,
  type ImportResult,
  type ImportedService,
  type SourceText,
} from '../shared/imported-manifest.js';
import { assignIds } from '../shared/service-ids.js';
import { ShapeChecker } from '../shared/shape-checker.js';
import { isRecord, scalarText, type Json } from '../shared/values.js';
import { parseYamlDocuments } from '../shared/yaml-documents.js';

export interface ComposeOptions {
  /** Interpolation variables (from --env-file or .env); nothing else is read. */
  variables?: ReadonlyMap<string, string>;
  /** Active profiles (`--profile`); `*` activates all. */
  profiles?: readonly string[];
}

/** One merged service: the definition, and where each depends_on entry was written. */
interface ComposeService {
  definition: Json;
  place: InputPlace;
  dependencyPlaces: Map<string, InputPlace>;
}

const CAVEATS = [
  'docker compose depends_on is START ORDER: usually, but not always, a runtime dependency.',
  'A service that calls another without depends_on has no dependency here: add it by hand.',
  'condition service_completed_successfully (a one-off job) and required: false are soft.',
];

export function importCompose(
  inputs: readonly SourceText[],
  options: ComposeOptions = {},
): ImportResult {
  const diagnostics = new Diagnostics();
  const merged = mergeFiles(inputs, options.variables ?? new Map(), diagnostics);
  const enabled = enabledServices(merged, options.profiles ?? []);
  const ids = assignIds([...enabled.keys()].map((name) => ({ key: name, candidates: [name] })));
  const services: ImportedService[] = [];
  for (const [name, why] of enabled) {
    const compose = merged.get(name)!;
    const service = newService(ids.get(name)!);
    if (service.id !== name) service.notes.push(`compose service ${JSON.stringify(name)}`);
    service.notes.push(...describe(compose.definition), ...(why ? [why] : []));
    for (const [target, entry] of dependsOn(compose.definition)) {
      if (!merged.has(target)) {
        const place = compose.dependencyPlaces.get(target) ?? compose.place;
        diagnostics.error(place, `service "${name}" depends on undefined service "${target}"`);
        continue;
      }
      service.dependsOn.push(dependency(ids.get(target)!, entry));
    }
    services.push(service);
  }
  const left = [...merged.keys()].filter((name) => !enabled.has(name)).sort(byCodeUnit);
  const caveats = [...CAVEATS];
  if (left.length > 0)
    caveats.push(`Left out (their profiles are not active): ${left.join(', ')}.`);
  return importResult('compose', inputs, caveats, services, diagnostics);
}

/** The services of all files, merged in order; later files add to and override earlier ones. */
function mergeFiles(
  inputs: readonly SourceText[],
  variables: ReadonlyMap<string, string>,
  diagnostics: Diagnostics,
): Map<string, ComposeService> {
  const services = new Map<string, ComposeService>();
  const unsetReported = new Set<string>();
  for (const input of inputs) {
    const documents = parseYamlDocuments(input.text, input.file, diagnostics);
    if (documents.length > 1)
      diagnostics.error(documents[1]!.place([]), 'a compose file holds one YAML document');
    const document = documents[0];
    if (document === undefined || document.value === null) continue; // only comments
    const check = new ShapeChecker(document, diagnostics);
    if (!isRecord(document.value)) {
      check.wrong([], 'a compose file (a mapping with services)', document.value);
      continue;
    }
    interpolateAll(document.value, variables, (problem, isError) => {
      if (isError) diagnostics.error({ file: input.file }, problem);
      else if (!unsetReported.has(problem)) {
        unsetReported.add(problem);
        diagnostics.warning({ file: input.file }, `variable ${problem} is not set; using ""`);
      }
    });
    const defined = check.map(document.value, [], 'services') ?? {};
    for (const [name, definition] of Object.entries(defined)) {
      const path = ['services', name];
      if (definition !== null && !isRecord(definition)) {
        check.wrong(path, 'a service definition (a mapping)', definition);
        continue;
      }
      const normal = normalise(definition ?? {}, path, check);
      let service = services.get(name);
      if (!service) {
        service = { definition: {}, place: check.place(path), dependencyPlaces: new Map() };
        services.set(name, service);
      }
      const raw = (definition ?? {})['depends_on'];
      for (const [target] of dependsOn(normal)) {
        const at = Array.isArray(raw) ? raw.indexOf(target) : target;
        service.dependencyPlaces.set(target, check.place([...path, 'depends_on', at]));
      }
      mergeInto(service.definition, normal);
    }
  }
  return services;
}

/** Replaces variables in every string value (not keys), each shared object once. */
function interpolateAll(
  root: Json,
  variables: ReadonlyMap<string, string>,
  report: (problem: string, isError: boolean) => void,
): void {
  const seen = new Set<object>();
  const pending: (Json | unknown[])[] = [root];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    if (seen.has(node)) continue;
    seen.add(node);
    const holder = node as Record<string | number, unknown>;
    for (const key of Object.keys(node)) {
      const value = holder[key];
      if (typeof value === 'string' && value.includes('$')) {
        const result = interpolate(value, variables);
        for (const name of result.unset) report(name, false);
        for (const error of result.errors) report(error, true);
        holder[key] = result.text;
      } else if (typeof value === 'object' && value !== null) pending.push(value as Json);
    }
  }
}

/** depends_on in its long form (a mapping), whatever form it was written in. */
function normalise(definition: Json, path: (string | number)[], check: ShapeChecker): Json {
  const raw = definition['depends_on'];
  if (raw === undefined || raw === null) return definition;
  const long: Json = {};
  if (Array.isArray(raw)) {
    raw.forEach((item: unknown, i) => {
      if (typeof item === 'string') long[item] = { condition: 'service_started' };
      else check.wrong([...path, 'depends_on', i], 'a service name', item);
    });
  } else if (isRecord(raw)) {
    for (const [target, entry] of Object.entries(raw)) {
      if (entry !== null && !isRecord(entry))
        check.wrong([...path, 'depends_on', target], 'a mapping (condition, required)', entry);
      else long[target] = entry ?? {};
    }
  } else {
    check.wrong([...path, 'depends_on'], 'a list or a mapping of services', raw);
  }
  return { ...definition, depends_on: long };
}

/** Compose's merge: mappings merge key by key, depends_on entry by entry, the rest is replaced. */
function mergeInto(target: Json, source: Json): void {
  const pending: [Json, Json][] = [[target, source]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [into, from] = next;
    for (const [key, value] of Object.entries(from)) {
      const existing = into[key];
      if (isRecord(existing) && isRecord(value)) pending.push([existing, value]);
      else into[key] = isRecord(value) ? structuredClone(value) : value;
    }
  }
}

function dependsOn(definition: Json): [string, Json][] {
  const long = definition['depends_on'];
  return isRecord(long) ? Object.entries(long).map(([t, e]) => [t, isRecord(e) ? e : {}]) : [];
}

/** Service -> why it is enabled when a profile is not the reason (undefined: no profiles). */
function enabledServices(
  services: ReadonlyMap<string, ComposeService>,
  active: readonly string[],
): Map<string, string | undefined> {
  const enabled = new Map<string, string | undefined>();
  const pending: string[] = [];
  for (const [name, service] of services) {
    const profiles = profilesOf(service.definition);
    if (profiles.length === 0 || active.includes('*') || profiles.some((p) => active.includes(p))) {
      enabled.set(name, undefined);
      pending.push(name);
    }
  }
  // Like `docker compose up`, a service started because an enabled one depends on it.
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    for (const [target] of dependsOn(services.get(name)!.definition)) {
      if (!services.has(target) || enabled.has(target)) continue;
      enabled.set(target, `enabled because "${name}" depends on it (its profiles are not active)`);
      pending.push(target);
    }
  }
  return enabled;
}

function profilesOf(definition: Json): string[] {
  const profiles = definition['profiles'];
  return Array.isArray(profiles) ? profiles.map(scalarText).filter((p) => p !== undefined) : [];
}

/** Comments for what the manifest has no key for: image, replicas, profiles. */
function describe(definition: Json): string[] {
  const notes: string[] = [];
  const image = scalarText(definition['image']);
  if (image !== undefined) notes.push(`image ${image}`);
  const deploy = definition['deploy'];
  const replicas =
    scalarText(isRecord(deploy) ? deploy['replicas'] : undefined) ??
    scalarText(definition['scale']);
  if (replicas !== undefined) notes.push(`replicas ${replicas}`);
  const profiles = profilesOf(definition);
  if (profiles.length > 0) notes.push(`profiles: ${profiles.join(', ')}`);
  return notes;
}

function dependency(id: string, entry: Json): ImportedService['dependsOn'][number] {
  const condition = scalarText(entry['condition']) ?? 'service_started';
  const required = entry['required'] !== false && entry['required'] !== 'false';
  const oneOff = condition === 'service_completed_successfully';
  const notes: string[] = [];
  if (condition !== 'service_started') notes.push(`condition: ${condition}`);
  if (!required) notes.push('required: false');
  return {
    anyOf: [id],
    soft: oneOff || !required,
    note: notes.length > 0 ? notes.join(', ') : undefined,
  };
}
