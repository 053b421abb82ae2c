// The keys the manifest format accepts at each level (docs/semantics.md). The JSON Schema in
// schema/manifest.schema.json lists the same keys; a test keeps the two from drifting apart.

export const TOP_LEVEL_KEYS = [
  'version',
  'name',
  'include',
  'defaults',
  'services',
  'overlays',
  'policy',
  'domains',
] as const;

/** Keys a `defaults` block may set for every service of its file. */
export const DEFAULT_KEYS = [
  'kind',
  'owner',
  'tier',
  'tags',
  'provider',
  'region',
  'zone',
  'sla',
  'cost_per_hour',
  'rto',
  'recovery_time',
] as const;

export const SERVICE_KEYS = [
  'entrypoint',
  'virtual',
  ...DEFAULT_KEYS,
  'monitors',
  'depends_on',
  'copies',
] as const;

/** Keys of one entry of `copies`: the service the data is copied to, and how often. */
export const COPY_KEYS = ['to', 'every'] as const;

/**
 * Keys of a mapping entry of `depends_on`: `{service}`, `{any_of}` or `{quorum, of}`, each with
 * `soft` and `tolerates`.
 */
export const DEPENDENCY_KEYS = ['service', 'any_of', 'quorum', 'of', 'soft', 'tolerates'] as const;

export type DefaultKey = (typeof DEFAULT_KEYS)[number];

const DEFAULT_KEY_SET: ReadonlySet<string> = new Set(DEFAULT_KEYS);

export function isDefaultKey(key: string): key is DefaultKey {
  return DEFAULT_KEY_SET.has(key);
}

/** Keys of the `policy` section, of one of its rules, and of a rule's `max`. */
export const POLICY_KEYS = ['defaults', 'rules', 'objectives'] as const;
/** Keys of one recovery target of `policy.objectives`. */
export const OBJECTIVE_KEYS = ['rto', 'rpo'] as const;
export const POLICY_RULE_KEYS = ['rule', 'severity', 'scope', 'level', 'max', 'min'] as const;
export const POLICY_MAX_KEYS = ['services', 'entrypoints', 'cost_per_hour'] as const;

/** Keys of one entry of `overlays`, and the service fields its `set` may give. */
export const OVERLAY_KEYS = ['match', 'set', 'depends_on', 'copies'] as const;
export const OVERLAY_SET_KEYS = ['entrypoint', ...DEFAULT_KEYS] as const;
