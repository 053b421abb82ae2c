// The pre-maintenance guard the 2017 S3 command lacked: given a simulated outage, refuse it when
// more than N services would go down, or when any service matching a protected selector would.

export interface GuardLimits {
  /** Most services allowed to go down, not counting the ones failed on purpose. */
  maxDown?: number;
  /** Selectors with the ids they match; none of these may be failed or down. */
  forbidDown?: Array<{ selector: string; ids: readonly string[] }>;
}

export type GuardViolation =
  | { limit: 'max-down'; allowed: number; actual: number }
  | { limit: 'forbid-down'; selector: string; ids: string[] };

export interface GuardResult {
  passed: boolean;
  maxDown?: number;
  forbidDown: string[];
  violations: GuardViolation[];
}

/** What the guard looks at: the services failed on purpose and the ones that went down with them. */
export interface GuardedOutage {
  failed: readonly string[];
  down: readonly string[];
}

export function evaluateGuard(result: GuardedOutage, limits: GuardLimits): GuardResult {
  const violations: GuardViolation[] = [];
  if (limits.maxDown !== undefined && result.down.length > limits.maxDown) {
    violations.push({ limit: 'max-down', allowed: limits.maxDown, actual: result.down.length });
  }
  const lost = new Set([...result.failed, ...result.down]);
  for (const { selector, ids } of limits.forbidDown ?? []) {
    const hit = ids.filter((id) => lost.has(id));
    if (hit.length > 0) violations.push({ limit: 'forbid-down', selector, ids: [...hit].sort() });
  }
  const guard: GuardResult = {
    passed: violations.length === 0,
    forbidDown: (limits.forbidDown ?? []).map((f) => f.selector),
    violations,
  };
  if (limits.maxDown !== undefined) guard.maxDown = limits.maxDown;
  return guard;
}
