// Backstage entity references, resolved as the catalog does: `[kind:][namespace/]name`, the kind
// defaulting by field (consumesApis: API, owner: Group, system: System) and the namespace to the
// referring entity's own; kinds, namespaces and names compare case-insensitively.

export interface EntityRef {
  /** Lower case; undefined when the reference has no kind and the field gives no default. */
  kind: string | undefined;
  namespace: string;
  name: string;
}

export const DEFAULT_NAMESPACE = 'default';

export function parseEntityRef(
  text: string,
  defaultKind: string | undefined,
  defaultNamespace: string,
): EntityRef | undefined {
  const trimmed = text.trim();
  const colon = trimmed.indexOf(':');
  const kind = colon === -1 ? defaultKind : trimmed.slice(0, colon);
  const rest = colon === -1 ? trimmed : trimmed.slice(colon + 1);
  const slash = rest.indexOf('/');
  const namespace = slash === -1 ? defaultNamespace : rest.slice(0, slash);
  const name = slash === -1 ? rest : rest.slice(slash + 1);
  if (name === '' || namespace === '' || kind === '' || name.includes('/')) return undefined;
  return {
    kind: kind?.toLowerCase(),
    namespace: namespace.toLowerCase(),
    name: name.toLowerCase(),
  };
}

/** The catalog's key for an entity: `component:default/artist-lookup`. */
export function refKey(ref: EntityRef & { kind: string }): string {
  return `${ref.kind}:${ref.namespace}/${ref.name}`;
}

/** Backstage's short form: the kind left out when it is the default, likewise the namespace. */
export function shortRef(ref: EntityRef, defaultKind: string): string {
  const kind = ref.kind === undefined || ref.kind === defaultKind ? '' : `${ref.kind}:`;
  const namespace = ref.namespace === DEFAULT_NAMESPACE ? '' : `${ref.namespace}/`;
  return `${kind}${namespace}${ref.name}`;
}
