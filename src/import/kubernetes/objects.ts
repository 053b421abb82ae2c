// Reads Kubernetes objects out of YAML files (multi-document, `List` kinds) into what the
// importer needs: workloads with their pod labels and configuration strings, Services with their
// selectors, NetworkPolicy egress rules and Ingress backends.

import type { Diagnostics, InputPlace } from '../shared/diagnostics.js';
import type { SourceText } from '../shared/imported-manifest.js';
import { expandEnvReferences } from './references.js';
import { ShapeChecker } from '../shared/shape-checker.js';
import { isRecord, scalarText, type Json } from '../shared/values.js';
import { parseYamlDocuments, type YamlPath } from '../shared/yaml-documents.js';

export const WORKLOAD_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet'] as const;

/** The kinds the importer reads; others (ConfigMaps, RBAC, Kustomizations) are passed over. */
const READ_KINDS: ReadonlySet<string> = new Set([
  ...WORKLOAD_KINDS,
  'Service',
  'NetworkPolicy',
  'Ingress',
]);

export interface KubeObject {
  kind: string;
  name: string;
  namespace: string;
  /** Whether the object names its namespace (else it is `default`). */
  namespaced: boolean;
  value: Json;
  path: YamlPath;
  check: ShapeChecker;
  place: InputPlace;
}

/** A string from a container's configuration that may name another Service. */
export interface ConfigString {
  text: string;
  /** The environment variable it is the value of. */
  variable?: string;
  /** Where it comes from, for the dependency's comment: `env CART_ADDR`, `args`. */
  origin: string;
  place: InputPlace;
}

/** Every object of every file, in file and document order; `List` items in their place. */
export function readKubeObjects(
  inputs: readonly SourceText[],
  diagnostics: Diagnostics,
): KubeObject[] {
  const objects: KubeObject[] = [];
  for (const input of inputs) {
    for (const document of parseYamlDocuments(input.text, input.file, diagnostics)) {
      const check = new ShapeChecker(document, diagnostics);
      const pending: { value: unknown; path: YamlPath }[] = [{ value: document.value, path: [] }];
      for (let next = pending.shift(); next; next = pending.shift()) {
        const { value, path } = next;
        if (value === null) continue;
        if (!isRecord(value)) {
          check.wrong(path, 'a Kubernetes object (a mapping with apiVersion and kind)', value);
          continue;
        }
        const kind = check.string(value, path, 'kind');
        if (kind === undefined) {
          if (!('kind' in value))
            diagnostics.warning(check.place(path), 'not a Kubernetes object (no kind); skipped');
          continue;
        }
        if (kind.endsWith('List') && Array.isArray(value['items'])) {
          value['items'].forEach((item: unknown, i) =>
            pending.push({ value: item, path: [...path, 'items', i] }),
          );
          continue;
        }
        if (!READ_KINDS.has(kind)) continue;
        const object = readObject(kind, value, path, check);
        if (object) objects.push(object);
      }
    }
  }
  return objects;
}

function readObject(
  kind: string,
  value: Json,
  path: YamlPath,
  check: ShapeChecker,
): KubeObject | undefined {
  const metadata = check.map(value, path, 'metadata');
  const name = metadata && check.string(metadata, [...path, 'metadata'], 'name');
  if (name === undefined || name === '') {
    if (metadata === undefined || metadata['name'] === undefined) {
      check.wrong([...path, 'metadata', 'name'], `the name of a ${kind}`, undefined);
    }
    return undefined;
  }
  const namespace = check.string(metadata!, [...path, 'metadata'], 'namespace');
  return {
    kind,
    name,
    namespace: namespace ?? 'default',
    namespaced: namespace !== undefined,
    value,
    path,
    check,
    place: check.place(path),
  };
}

export interface Workload {
  object: KubeObject;
  podLabels: Map<string, string>;
  /** Absent for a DaemonSet (one pod per node) and when not written (Kubernetes runs 1). */
  replicas?: number;
  /** `topology.kubernetes.io/zone (maxSkew 1, DoNotSchedule)`, one per constraint. */
  spread: string[];
  strings: ConfigString[];
}

export function readWorkload(object: KubeObject): Workload {
  const { check, path, value } = object;
  const specPath = [...path, 'spec'];
  const spec = check.map(value, path, 'spec') ?? {};
  const templatePath = [...specPath, 'template'];
  const template = check.map(spec, specPath, 'template') ?? {};
  const metadata = check.map(template, templatePath, 'metadata') ?? {};
  const podLabels = check.stringMap(metadata, [...templatePath, 'metadata'], 'labels') ?? new Map();
  const podPath = [...templatePath, 'spec'];
  const podSpec = check.map(template, templatePath, 'spec') ?? {};
  const strings: ConfigString[] = [];
  for (const key of ['initContainers', 'containers']) {
    const containers = check.list(podSpec, podPath, key) ?? [];
    containers.forEach((container: unknown, i) => {
      const containerPath = [...podPath, key, i];
      if (!isRecord(container)) check.wrong(containerPath, 'a container (a mapping)', container);
      else
        strings.push(
          ...containerStrings(container, containerPath, check, key === 'initContainers'),
        );
    });
  }
  return {
    object,
    podLabels,
    replicas: check.number(spec, specPath, 'replicas'),
    spread: spreadConstraints(podSpec, podPath, check),
    strings,
  };
}

function containerStrings(
  container: Json,
  path: YamlPath,
  check: ShapeChecker,
  init: boolean,
): ConfigString[] {
  const env = new Map<string, string>();
  const entries: { name: string; text: string; place: InputPlace }[] = [];
  (check.list(container, path, 'env') ?? []).forEach((entry: unknown, i) => {
    const entryPath = [...path, 'env', i];
    if (!isRecord(entry)) return check.wrong(entryPath, 'a mapping with name and value', entry);
    const name = check.string(entry, entryPath, 'name');
    const text = scalarText(entry['value']);
    if (name === undefined || text === undefined) return;
    env.set(name, text);
    entries.push({ name, text, place: check.place([...entryPath, 'value']) });
  });
  const prefix = init ? 'init container ' : '';
  const expand = (text: string) => expandEnvReferences(text, env);
  const strings: ConfigString[] = entries.map(({ name, text, place }) => ({
    text: expand(text),
    variable: name,
    origin: `${prefix}env ${name}`,
    place,
  }));
  for (const key of ['command', 'args']) {
    const list = check.stringList(container, path, key) ?? [];
    list.forEach((text, i) =>
      strings.push({
        text: expand(text),
        origin: `${prefix}${key}`,
        place: check.place([...path, key, i]),
      }),
    );
  }
  return strings;
}

function spreadConstraints(podSpec: Json, path: YamlPath, check: ShapeChecker): string[] {
  const constraints = check.list(podSpec, path, 'topologySpreadConstraints') ?? [];
  const spread: string[] = [];
  constraints.forEach((constraint: unknown, i) => {
    if (!isRecord(constraint))
      return check.wrong([...path, 'topologySpreadConstraints', i], 'a mapping', constraint);
    const key = scalarText(constraint['topologyKey']) ?? '?';
    const skew = scalarText(constraint['maxSkew']) ?? '?';
    const when = scalarText(constraint['whenUnsatisfiable']) ?? 'DoNotSchedule';
    spread.push(`${key} (maxSkew ${skew}, ${when})`);
  });
  return spread;
}

export interface KubeService {
  object: KubeObject;
  /** Absent or empty: the Service selects no pods (its endpoints are managed by hand). */
  selector: Map<string, string>;
  type: string;
}

export function readService(object: KubeObject): KubeService {
  const { check, path, value } = object;
  const spec = check.map(value, path, 'spec') ?? {};
  const selector =
    check.stringMap(spec, [...path, 'spec'], 'selector') ?? new Map<string, string>();
  return { object, selector, type: check.string(spec, [...path, 'spec'], 'type') ?? 'ClusterIP' };
}

/** Pods a NetworkPolicy applies to, and the pod selectors its egress rules allow traffic to. */
export interface EgressPolicy {
  object: KubeObject;
  podSelector: Map<string, string>;
  /** matchLabels of each `to` entry with a podSelector (and no namespaceSelector). */
  targets: Map<string, string>[];
}

export function readEgressPolicy(object: KubeObject): EgressPolicy {
  const { check, path, value } = object;
  const specPath = [...path, 'spec'];
  const spec = check.map(value, path, 'spec') ?? {};
  const selector = check.map(spec, specPath, 'podSelector') ?? {};
  const podSelector =
    check.stringMap(selector, [...specPath, 'podSelector'], 'matchLabels') ?? new Map();
  const targets: Map<string, string>[] = [];
  (check.list(spec, specPath, 'egress') ?? []).forEach((rule: unknown, i) => {
    const rulePath = [...specPath, 'egress', i];
    if (!isRecord(rule)) return check.wrong(rulePath, 'a mapping', rule);
    (check.list(rule, rulePath, 'to') ?? []).forEach((peer: unknown, j) => {
      const peerPath = [...rulePath, 'to', j];
      if (!isRecord(peer)) return check.wrong(peerPath, 'a mapping', peer);
      if (peer['namespaceSelector'] !== undefined || !isRecord(peer['podSelector'])) return;
      const labels = check.stringMap(
        peer['podSelector'],
        [...peerPath, 'podSelector'],
        'matchLabels',
      );
      if (labels !== undefined && labels.size > 0) targets.push(labels);
    });
  });
  return { object, podSelector, targets };
}

/** The Service names an Ingress sends traffic to (networking.k8s.io/v1 and the older form). */
export function ingressBackends(object: KubeObject): string[] {
  const names: string[] = [];
  const pending: unknown[] = [object.value['spec']];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (Array.isArray(next)) pending.push(...next);
    else if (isRecord(next)) {
      const service = next['service'];
      if (isRecord(service) && typeof service['name'] === 'string') names.push(service['name']);
      if (typeof next['serviceName'] === 'string') names.push(next['serviceName']);
      pending.push(...Object.values(next));
    }
  }
  return names;
}

/** `Deployment boutique/frontend` */
export function describeObject(object: KubeObject): string {
  return `${object.kind} ${object.namespace}/${object.name}`;
}
