// analysis/reliability/ — what the SLAs promise: the probability model, the fault structure and
// its modules, exact availability by binary decision diagram, Monte Carlo, importance measures,
// common causes and chaos sampling.
//
// Availability and importance per entry point: the structure function as a fault tree
// (structure.ts), its modules found once for all entry points (modules.ts) and each solved
// exactly once (module-solver.ts), entry points of equal shape solved and ranked once for all
// (equal-shapes.ts); an entry point whose own part is too large to try (exact-or-sampled.ts) or
// beyond the exact budget is sampled (monte-carlo.ts), on its own, so every other keeps its
// exact number; one that nothing below can fail is 1 without any work. When every entry point
// is proven too large from the raw structure (reach-classes.ts), none is preprocessed. With the
// expected downtime and cost per year, and the components (and failure domains) ranked by
// criticality ("what to fix first").

import { coalesceGates } from './exact/coalesced-gates.js';
import { factorCommonInputs } from './exact/common-inputs.js';
import { mergeEqualGates } from './exact/equal-gates.js';
import { commonCauses } from './common-causes.js';
import { firstOfShape } from './equal-shapes.js';
import { EXACT_PART_LIMIT, smallParts } from './exact-or-sampled.js';
import { everyRootTooLarge } from './reach-classes.js';
import { sampledSpofs, spofImportance, type TakesDownAt } from './sampled-spofs.js';
import { rankImportance, roundingMemo, type ImportanceInput } from './importance.js';
import {
  MONTE_CARLO,
  monteCarlo,
  type MonteCarloEstimate,
  type MonteCarloOptions,
} from './sampled/monte-carlo.js';
import { groupIndependentInputs } from './exact/independent-inputs.js';
import { budgetFor, ModuleSolver, type SolverBudget } from './exact/module-solver.js';
import { findModules } from './exact/modules.js';
import {
  ALWAYS_UP,
  faultStructure,
  type CommonCause,
  type FaultStructure,
  type Ref,
  type StructureGraph,
} from './structure.js';
import { wilsonInterval } from './sampled/wilson.js';
import type { RankedGraph } from '../outage/ranked-graph.js';
import { recordSingleFailures } from '../outage/single-failures.js';
import { reliabilityModel } from './model.js';
import type { CompiledGraph } from '../../model/compiled-graph.js';
import type { ComponentImportance, EntryAvailability } from './result.js';

export const MINUTES_PER_YEAR = 525_960;
export const HOURS_PER_YEAR = 8_766;
/** Components listed per entry point, most critical first: bounds the result at scale. */
export const IMPORTANCE_LIMIT = 100;
/**
 * Visits the proof that every entry point is too large may spend, per gate, input and event of
 * the structure (32 walks of it, then a walk from each entry point that stops past the limit);
 * beyond it the structure is preprocessed and each one measured.
 */
const REACH_WORK_PER_ITEM = 96;

export interface ReliabilityAnalysis {
  /** Entry id → its availability. */
  availability: Record<string, EntryAvailability>;
  /**
   * Entry id → components by criticality, those with a Birnbaum importance of 0 left out, at
   * most IMPORTANCE_LIMIT.
   */
  importance: Record<string, ComponentImportance[]>;
  /** Services that are not virtual and declare no sla: counted as never failing. */
  slaUnknown: string[];
}

export interface AvailabilityOptions {
  /**
   * takesDown[x]: the entry points that component x takes down alone (as recordSingleFailures
   * gives it); computed here when a sampled entry point needs it and it is not given.
   */
  takesDown?: ReadonlyArray<readonly number[] | undefined>;
  /** Failure domains with a probability of their own (default: the graph's `domains`). */
  commonCauses?: readonly CommonCause[];
  exact?: SolverBudget;
  /** Gates and leaves an entry point's own part may hold and be tried exactly (EXACT_PART_LIMIT). */
  exactPartLimit?: number;
  monteCarlo?: MonteCarloOptions;
  /** Components ranked per entry point (IMPORTANCE_LIMIT). */
  importanceLimit?: number;
}

/** Availability and importance of `entries` (services, increasing) over the ranked graph. */
export function analyzeAvailability(
  plan: RankedGraph,
  entries: readonly number[],
  options: AvailabilityOptions = {},
): ReliabilityAnalysis {
  const model = reliabilityModel(plan.graph);
  const causes = options.commonCauses ?? commonCauses(plan.graph);
  const takesDown = (sampled: readonly number[]): TakesDownAt => {
    const lists = options.takesDown ?? sweptTakesDown(plan, sampled);
    return (x) => lists[x];
  };
  return {
    ...availabilityOf(
      plan,
      entries,
      { up: model.up, down: model.down, causes },
      options,
      takesDown,
    ),
    slaUnknown: model.slaUnknown.map((v) => plan.graph.ids[v]!),
  };
}

/** What the availability analysis reads of the graph once the model is made: no services. */
export type ReliabilityGraph = StructureGraph & Pick<CompiledGraph, 'costPerHour'>;

/** The ranked graph over ReliabilityGraph: all that availabilityOf reads. */
export type ReliabilityPlan = Omit<RankedGraph, 'graph'> & { readonly graph: ReliabilityGraph };

/** The probability model: each service's own odds, and the common causes with theirs. */
export interface ReliabilityOdds {
  readonly up: Float64Array;
  readonly down: Float64Array;
  readonly causes: readonly CommonCause[];
}

/**
 * What each component takes down, for the sampled entry points (services, increasing), asked
 * for only when some entry point is sampled, after everything else is solved: a worker thread
 * waits for it there.
 */
export type TakesDownOf = (sampled: readonly number[]) => TakesDownAt;

type TakesDown = ReadonlyArray<readonly number[] | undefined>;

/**
 * Availability and importance of `entries` from the model's odds: the work of
 * analyzeAvailability that needs no service objects, so a worker thread can do it.
 */
export function availabilityOf(
  plan: ReliabilityPlan,
  entries: readonly number[],
  { up, down, causes }: ReliabilityOdds,
  options: Omit<AvailabilityOptions, 'takesDown' | 'commonCauses'>,
  takesDownOf: TakesDownOf,
): Omit<ReliabilityAnalysis, 'slaUnknown'> {
  const { ids, costPerHour } = plan.graph;
  const built = faultStructure(plan.graph, up, down, causes);
  const roots = entries.map((e) => built.refOf[e]!);
  const { structure, small, solver } = exactPlan(built, roots, options);
  // Entry points of one shape share one solution and one ranking: the first of each is solved.
  const first = firstOfShape(structure, roots, small);
  const isSampled = new Uint8Array(entries.length);
  roots.forEach((ref, i) => {
    if (ref === ALWAYS_UP || ref < 0) return;
    if (first[i] !== i) isSampled[i] = isSampled[first[i]!]!;
    else if (small[i] === 0 || solver?.solve(ref) === undefined) isSampled[i] = 1;
  });
  const sampled = entries.filter((_, i) => isSampled[i] === 1);
  const estimate =
    sampled.length > 0
      ? monteCarlo(plan, up, sampled, options.monteCarlo ?? MONTE_CARLO, causes)
      : undefined;
  // sampledAt[i]: entry i's place among the sampled, −1 when exact.
  const sampledAt = new Int32Array(entries.length).fill(-1);
  for (let i = 0, at = 0; i < entries.length; i++) if (isSampled[i]) sampledAt[i] = at++;
  const limit = options.importanceLimit ?? IMPORTANCE_LIMIT;
  const spofs =
    sampled.length > 0 ? sampledSpofs(structure, ids, sampled, takesDownOf(sampled), limit) : null;
  const availability = Object.create(null) as Record<string, EntryAvailability>;
  const importance = Object.create(null) as Record<string, ComponentImportance[]>;
  const round = roundingMemo();
  // solved[i]: the solution of the first entry point of each shape, and its entry.
  const solved: (
    | { p: number; q: number; ranked: ComponentImportance[]; entry: EntryAvailability; e: number }
    | undefined
  )[] = [];
  entries.forEach((e, i) => {
    const at = sampledAt[i]!;
    if (at >= 0) {
      const cost = costPerHour[e]!;
      const entry = sampledEntry(cost, estimate!.upCount[at]!, estimate!.samples, round);
      availability[ids[e]!] = entry;
      // Every measure but Birnbaum divides by the unavailability: none when no sample saw any.
      importance[ids[e]!] =
        entry.unavailabilityBelow === undefined
          ? rankImportance(
              entry.unavailability,
              spofImportance(
                structure,
                spofs![at]!,
                share(estimate!, at),
                entry.unavailability,
                limit,
              ),
              limit,
              round,
            )
          : [];
      return;
    }
    const known = solved[first[i]!];
    if (known !== undefined) {
      // The first's entry and ranked list themselves (plain data, never changed): only the
      // cost per year can differ, with the cost per hour.
      availability[ids[e]!] =
        costPerHour[e] === costPerHour[known.e]
          ? known.entry
          : exactEntry(costPerHour[e]!, known.p, known.q, round);
      importance[ids[e]!] = known.ranked;
      return;
    }
    const { p, q, inputs } = exactImportance(structure, solver, roots[i]!);
    const ranked = rankImportance(q, inputs, limit, round);
    const entry = exactEntry(costPerHour[e]!, p, q, round);
    solved[i] = { p, q, ranked, entry, e };
    availability[ids[e]!] = entry;
    importance[ids[e]!] = ranked;
  });
  return { availability, importance };
}

/**
 * The structure the exact path reads, which roots are small enough to try, and the solver of
 * its modules. When every gate root is proven too large from the raw structure, none of the
 * preprocessing is done: no entry point would be tried, and the raw structure's events and
 * variables are those of the preprocessed one.
 */
function exactPlan(built: FaultStructure, roots: readonly Ref[], options: AvailabilityOptions) {
  const limit = options.exactPartLimit ?? EXACT_PART_LIMIT;
  const items = built.kind.length + built.children.length + built.events.length;
  if (everyRootTooLarge(built, roots, limit, REACH_WORK_PER_ITEM * items)) {
    const small = Uint8Array.from(roots, (r) => (r < 0 || r === ALWAYS_UP ? 1 : 0));
    return { structure: built, small, solver: undefined };
  }
  const coalesced = coalesceGates(mergeEqualGates(built, roots), roots);
  const structure = groupIndependentInputs(factorCommonInputs(coalesced, roots), roots);
  const modules = findModules(structure, roots);
  const solver = new ModuleSolver(structure, modules, options.exact ?? budgetFor(roots.length));
  solver.solveModules();
  return { structure, small: smallParts(structure, modules, roots, limit), solver };
}

/** 0.999512 → "99.9512 %": enough decimals for two significant digits of the downtime. */
export function formatAvailability(value: number): string {
  const downPercent = (1 - value) * 100;
  if (downPercent <= 0) return '100 %';
  const decimals = Math.min(10, Math.max(4, Math.ceil(-Math.log10(downPercent)) + 2));
  return `${(value * 100).toFixed(decimals)} %`;
}

/**
 * P, Q and the Birnbaum importance of every event below a root: ∂P(root)/∂p(x) is the product
 * of the derivatives along the module tree from the root down to x's module.
 */
function exactImportance(structure: FaultStructure, solver: ModuleSolver | undefined, ref: number) {
  if (ref === ALWAYS_UP) return { p: 1, q: 0, inputs: [] };
  if (ref < 0) {
    const event = structure.events[-1 - ref]!;
    return { p: event.up, q: event.down, inputs: [input(structure, ref, 1)] };
  }
  // A gate root is solved only when the solver tried it (so there is one).
  const top = solver!.solve(ref)!;
  const inputs: ImportanceInput[] = [];
  const stack: Array<[number, number]> = [[ref, 1]];
  while (stack.length > 0) {
    const [g, factor] = stack.pop()!;
    const { leaves, derivative } = solver!.solution[g]!;
    for (let i = 0; i < leaves.length; i++) {
      const c = leaves[i]!;
      const d = factor * derivative[i]!;
      if (c < 0) inputs.push(input(structure, c, d));
      else stack.push([c, d]);
    }
  }
  return { p: top.p, q: top.q, inputs };
}

function input(structure: FaultStructure, ref: number, birnbaum: number): ImportanceInput {
  const event = structure.events[-1 - ref]!;
  return { id: event.id, up: event.up, down: event.down, birnbaum };
}

/** TakesDown of the sampled entry points, by a sweep over every single failure. */
function sweptTakesDown(plan: RankedGraph, sampled: readonly number[]): TakesDown {
  const inFocus = new Uint8Array(plan.graph.n);
  for (const e of sampled) inFocus[e] = 1;
  return recordSingleFailures(plan, inFocus).takesDown;
}

function share(estimate: MonteCarloEstimate, i: number): number {
  return estimate.upCount[i]! / estimate.samples;
}

function sampledEntry(
  costPerHour: number,
  upCount: number,
  samples: number,
  round: (x: number) => number,
): EntryAvailability {
  const [low, high] = wilsonInterval(upCount, samples);
  const value = round(upCount / samples);
  const unavailability = round((samples - upCount) / samples);
  const interval: [number, number] = [round(low), round(high)];
  const downtimeMinutesPerYear = round(unavailability * MINUTES_PER_YEAR);
  const expectedCostPerYear = costPerYear(costPerHour, unavailability, round);
  const method = 'monte-carlo';
  // The keys in the order of EntryAvailability; the bound only when no sample saw a failure.
  return upCount === samples
    ? {
        value,
        unavailability,
        method,
        interval,
        samples,
        unavailabilityBelow: round(1 - low),
        downtimeMinutesPerYear,
        expectedCostPerYear,
      }
    : {
        value,
        unavailability,
        method,
        interval,
        samples,
        downtimeMinutesPerYear,
        expectedCostPerYear,
      };
}

function exactEntry(
  costPerHour: number,
  p: number,
  q: number,
  round: (x: number) => number,
): EntryAvailability {
  const unavailability = round(q);
  return {
    value: round(p),
    unavailability,
    method: 'exact',
    downtimeMinutesPerYear: round(unavailability * MINUTES_PER_YEAR),
    expectedCostPerYear: costPerYear(costPerHour, unavailability, round),
  };
}

/** The entry point's own cost per hour over a year of its unavailability. */
function costPerYear(costPerHour: number, unavailability: number, round: (x: number) => number) {
  return round(costPerHour * unavailability * HOURS_PER_YEAR);
}
