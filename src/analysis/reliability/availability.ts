// analysis/reliability/ — what the SLAs promise: the probability model, exact availability by
// binary decision diagram, Monte Carlo, importance measures and chaos sampling.
//
// Availability and importance per entry point: exact by BDD where the budget allows
// (exact-availability.ts), by Monte Carlo otherwise (monte-carlo.ts), with the expected downtime
// and cost per year, and the components ranked by criticality ("what to fix first").

import {
  EXACT_BUDGET,
  ExactSolver,
  type ExactAvailability,
  type ExactBudget,
} from './exact-availability.js';
import { rankImportance, rounded, type ImportanceInput } from './importance.js';
import {
  MONTE_CARLO,
  monteCarlo,
  type MonteCarloEstimate,
  type MonteCarloOptions,
} from './monte-carlo.js';
import { wilsonInterval } from './wilson.js';
import type { RankedGraph } from '../outage/ranked-graph.js';
import { recordSingleFailures } from '../outage/single-failures.js';
import { reliabilityModel, type ReliabilityModel } from './model.js';
import type { ComponentImportance, EntryAvailability } from './result.js';

export const MINUTES_PER_YEAR = 525_960;
export const HOURS_PER_YEAR = 8_766;
/** Components listed per entry point, most critical first: bounds the result at scale. */
export const IMPORTANCE_LIMIT = 100;

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
   * gives it); computed here when not given.
   */
  takesDown?: ReadonlyArray<readonly number[] | undefined>;
  exact?: ExactBudget;
  monteCarlo?: MonteCarloOptions;
}

/** Availability and importance of `entries` (services, increasing) over the ranked graph. */
export function analyzeAvailability(
  plan: RankedGraph,
  entries: readonly number[],
  options: AvailabilityOptions = {},
): ReliabilityAnalysis {
  const model = reliabilityModel(plan.graph);
  const { ids } = plan.graph;
  const solver = new ExactSolver(model, options.exact ?? EXACT_BUDGET);
  const availability = Object.create(null) as Record<string, EntryAvailability>;
  const importance = Object.create(null) as Record<string, ComponentImportance[]>;
  const exact = new Map<number, ExactAvailability>();
  const sampled: number[] = [];
  const spofs = spofLevels(plan, model, entries, options.takesDown);
  for (const e of entries) {
    const result = solver.availability(e, spofs.get(e));
    if (result === undefined) sampled.push(e);
    else exact.set(e, result);
  }
  const estimate =
    sampled.length > 0
      ? monteCarlo(plan, model.up, sampled, options.monteCarlo ?? MONTE_CARLO)
      : undefined;
  const sampledAt = new Map(sampled.map((e, i) => [e, i]));
  for (const e of entries) {
    const known = exact.get(e);
    const i = sampledAt.get(e);
    const entry =
      known !== undefined
        ? withCosts(model, e, {
            value: rounded(known.value),
            unavailability: rounded(known.unavailability),
            method: 'exact',
          })
        : sampledEntry(model, e, estimate!.upCount[i!]!, estimate!.samples);
    availability[ids[e]!] = entry;
    const inputs =
      known !== undefined
        ? exactImportance(model, known)
        : spofImportance(model, spofs.get(e)!, share(estimate!, i!));
    importance[ids[e]!] = rankImportance(known?.value ?? entry.value, inputs, IMPORTANCE_LIMIT);
  }
  return { availability, importance, slaUnknown: model.slaUnknown.map((v) => ids[v]!) };
}

/** 0.999512 → "99.9512 %": enough decimals for two significant digits of the downtime. */
export function formatAvailability(value: number): string {
  const downPercent = (1 - value) * 100;
  if (downPercent <= 0) return '100 %';
  const decimals = Math.min(10, Math.max(4, Math.ceil(-Math.log10(downPercent)) + 2));
  return `${(value * 100).toFixed(decimals)} %`;
}

/** For each entry point, the levels of the components that take it down alone. */
function spofLevels(
  plan: RankedGraph,
  model: ReliabilityModel,
  entries: readonly number[],
  given: AvailabilityOptions['takesDown'],
): Map<number, number[]> {
  let takesDown = given;
  if (takesDown === undefined) {
    const inFocus = new Uint8Array(plan.graph.n);
    for (const e of entries) inFocus[e] = 1;
    takesDown = recordSingleFailures(plan, inFocus).takesDown;
  }
  const spofs = new Map<number, number[]>(entries.map((e) => [e, []]));
  for (let x = 0; x < plan.graph.n; x++) {
    if (model.level[x]! < 0) continue;
    for (const e of takesDown[x] ?? []) spofs.get(e)?.push(model.level[x]!);
  }
  return spofs;
}

function share(estimate: MonteCarloEstimate, i: number): number {
  return estimate.upCount[i]! / estimate.samples;
}

function sampledEntry(
  model: ReliabilityModel,
  e: number,
  upCount: number,
  samples: number,
): EntryAvailability {
  const [low, high] = wilsonInterval(upCount, samples);
  return withCosts(model, e, {
    value: rounded(upCount / samples),
    unavailability: rounded((samples - upCount) / samples),
    method: 'monte-carlo',
    interval: [rounded(low), rounded(high)],
    samples,
  });
}

/** Downtime and cost per year from the value; the keys in the order of EntryAvailability. */
function withCosts(
  model: ReliabilityModel,
  e: number,
  entry: Omit<EntryAvailability, 'downtimeMinutesPerYear' | 'expectedCostPerYear'>,
): EntryAvailability {
  const down = entry.unavailability;
  return {
    ...entry,
    downtimeMinutesPerYear: rounded(down * MINUTES_PER_YEAR),
    expectedCostPerYear: rounded(model.graph.costPerHour[e]! * down * HOURS_PER_YEAR),
  };
}

/** Birnbaum importance of every variable of an exact result. */
function exactImportance(model: ReliabilityModel, result: ExactAvailability): ImportanceInput[] {
  const inputs: ImportanceInput[] = [];
  for (const l of result.series) {
    // A = p_l × (the rest), and A(l down) = 0: I_B = A / p_l.
    inputs.push(input(model, l, result.value / model.up[model.serviceAt[l]!]!));
  }
  for (const [l, d] of result.derivative) inputs.push(input(model, l, d));
  return inputs;
}

/**
 * For a sampled entry point, only its single points of failure are ranked: each has
 * A(x down) = 0, so I_B = A / p follows from A alone; the rest would need more sampling.
 */
function spofImportance(model: ReliabilityModel, spofs: readonly number[], value: number) {
  return spofs.map((l) => input(model, l, value / model.up[model.serviceAt[l]!]!));
}

function input(model: ReliabilityModel, level: number, birnbaum: number): ImportanceInput {
  const v = model.serviceAt[level]!;
  return { id: model.graph.ids[v]!, up: model.up[v]!, birnbaum };
}
