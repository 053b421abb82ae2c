// How much work the searches for pairs and larger cut sets may do by default before they stop
// and say so (`--pair-budget`, `--cut-budget`).

/** Candidate pairs a pair search propagates before it stops and says so. */
export const DEFAULT_PAIR_BUDGET = 1_000_000;

/** Diagram nodes the cut-set search may create by default (`--cut-budget`). */
export const DEFAULT_CUT_BUDGET = 4_000_000;
