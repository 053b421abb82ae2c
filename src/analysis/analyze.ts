// `analyze`: every analysis over one compiled graph, assembled into the one result
// object that the reporters render. Pure: graph in, plain data out.

import { byCodeUnit } from '../compare.js';
import { entryPoints, type CompiledGraph } from '../model/compiled-graph.js';
import type {
  AnalysisResult,
  ColdStartBlock,
  ComponentBlastRadius,
  ComponentSpof,
  GateAnalysis,
} from './analysis-result.js';
import { PendingAvailability } from './reliability/thread/availability-thread.js';
import type { AvailabilityWorker } from './reliability/thread/availability-worker-start.js';
import { coldStart, type ColdStartPlan } from './structure/cold-start.js';
import {
  analyzeFailureDomains,
  failureDomains,
  type DomainAnalysis,
  type FailureDomain,
} from './outage/failure-domains.js';
import { fateSharingObserver } from './outage/fate-sharing.js';
import { addGrace } from './outage/time/grace.js';
import { hardLinkCuts } from './structure/hard-link-search.js';
import { hardDependents } from './structure/graph-views.js';
import { dependencyCyclesOf } from './outage/ranked-graph.js';
import { providerConcentration } from './outage/provider-concentration.js';
import { byRisk, idOrder, sortByRisk } from './ranking.js';
import { componentUnits, domainUnits, minimalPairs, type FoundPair } from './cut-sets/pair-cuts.js';
import { rtoViolations } from './recovery/rto-consistency.js';
import { dataSharingFate } from './recovery/data-shares-fate.js';
import { recoveryObjectives } from './recovery/recovery-objectives.js';
import { cutSetReport, LISTED_CUT_SETS } from './cut-sets/cut-set-report.js';
import { DEFAULT_CUT_BUDGET, DEFAULT_PAIR_BUDGET } from './cut-sets/search-budgets.js';
import { cutSetsOfOrderTwo } from './cut-sets/order-two-cut-sets.js';
import { planSweep, type SweepPlan } from './outage/outage-sweep.js';
import { sweepForGate } from './gate/gate-sweep.js';
import type { SweptChains } from './gate/swept-chains.js';
import type { SweepThreads } from './outage/sweep/single-failure-sweep.js';
import { idleHelper } from './outage/sweep/shared-sweep.js';
import { OutageLength, toleranceMatters } from './outage/time/outage-length.js';
import { recordSingleFailures, type BlastRadii } from './outage/single-failures.js';

export interface AnalyzeOptions {
  /** Narrow the entry-point questions to these entry points (ids). */
  focus?: readonly string[];
  /** Told how far the sweep over every single failure has come (services done, of total). */
  onProgress?: (done: number, total: number) => void;
  /** N ≥ 2: also the minimal pairs of failures and the minimal cut sets of up to N; default 1. */
  order?: number;
  /** Candidate pairs each pair search may propagate (default DEFAULT_PAIR_BUDGET). */
  pairBudget?: number;
  /** Diagram nodes the cut-set search may create (default DEFAULT_CUT_BUDGET). */
  cutBudget?: number;
  /** Cut sets of order three and more listed at most (default LISTED_CUT_SETS). */
  cutSetsListed?: number;
  /**
   * Seconds (more than 0): the single failures and failure domains fail for this long instead
   * of for ever, and tolerances may ride them out. Not with `order` 2 or more.
   */
  duration?: number;
  /**
   * Threads the analysis may use, this one included (default 1). When the graph is large
   * enough, the second computes availability and importance while this one sweeps every single
   * failure and runs the other analyses; the sweep's chunks are shared out between this one and
   * any beyond the second (`count` − 1 threads sweep).
   */
  threads?: SweepThreads;
  /**
   * With two threads or more: the worker to compute availability on, started earlier by the
   * caller; else one is started here when needed. Given work, it ends once its answer is read
   * (the result's availability fields may wait for it); the caller ends it otherwise
   * (`endIfIdle`).
   */
  availabilityWorker?: AvailabilityWorker;
  /**
   * false: leave availability and importance out (empty), for a caller that never reads them
   * (`diff`); they are most of the cost on large graphs. Default true.
   */
  availability?: boolean;
  /**
   * Told the name of each phase of the analysis as it begins, and null when the last ends: a
   * benchmark's clock (bench/phases.mjs). Nothing else depends on it.
   */
  onPhase?: (phase: string | null) => void;
}

export function analyze(
  graph: CompiledGraph,
  name: string | null,
  options: AnalyzeOptions = {},
): AnalysisResult {
  const phase = options.onPhase ?? (() => undefined);
  const ids = graph.ids;
  phase('sweep plan');
  const entries = entryPoints(graph);
  const inFocus = focusMask(graph, entries, options.focus);
  const focusEntries = entries.filter((v) => inFocus[v]);

  const fate = fateSharingObserver(graph);
  const plan = planSweep(graph);
  const length = outageLength(plan, inFocus, options);
  // On two threads availability runs on the second from here until its phase below.
  phase('availability: start');
  const reliabilityThread =
    options.availability === false
      ? undefined
      : new PendingAvailability(plan, focusEntries, {
          worker: (options.threads?.count ?? 1) > 1 && (options.availabilityWorker ?? true),
          minServices: options.threads?.minServices,
        });
  const threads = sweepThreads(options.threads);
  const helper = reliabilityThread?.helper;
  phase('single-failure sweep');
  // The availability worker, once free, claims chunks of this sweep too.
  const unbounded = recordSingleFailures(plan, inFocus, {
    chunks: fate.chunks,
    onProgress: options.onProgress,
    threads: threads && helper ? { ...threads, helper } : threads,
  });
  reliabilityThread?.tell(unbounded.takesDown);
  const { blastRadius, takesDown } = length
    ? recordSingleFailures(plan, inFocus, { length, threads })
    : unbounded;

  phase('cut vertices and bridges');
  // Who needs each service through a hard requirement: read by three walks below.
  const owners = hardDependents(graph);
  const cuts = hardLinkCuts(graph, owners);
  phase('component SPOFs');
  const byId = idOrder(ids);
  const ranked = rankedByRisk(graph, blastRadius, byId);
  const spofList = componentSpofs(graph, takesDown, blastRadius, cuts.cutVertices, ranked, byId);
  const { spofs } = spofList;
  phase('failure domains');
  const domains = failureDomains(graph);
  const domainAnalysis = analyzeFailureDomains(plan, domains, inFocus, takesDown, length);
  rankDomains(domainAnalysis);
  addGrace(graph, { spofs, takesDown: spofList.takesDown }, domainAnalysis, domains);
  phase('blast-radius ranking');
  const components = rankComponents(graph, blastRadius, ranked);

  phase('cold start and cycles');
  const startPlan = coldStart(graph, owners);
  const cycles = dependencyCyclesOf(plan).map((members) => members.map((v) => ids[v]!));
  const coldStartWitnessList = coldStartWitnesses(graph, startPlan);
  phase('summary, fate sharing, provider concentration, RTO');
  const fateSharing = fate.result();
  const concentration = providerConcentration(
    plan,
    domains,
    domainAnalysis.takesDown,
    focusEntries.length,
  );
  const violations = rtoViolations(graph, owners);

  phase('pairs and cut sets');
  const pairs = orderTwo(plan, domains, inFocus, options);
  const cutSets = cutSetsOf(
    plan,
    focusEntries,
    { takesDown, domains, domainAnalysis },
    pairs,
    options,
  );
  // Known now unless the worker is still at it: then its fields wait for it when read.
  phase('availability and importance');
  const reliability = reliabilityThread?.ifReady();
  phase('recovery');
  const recovery = recoveryOf(plan, domains, focusEntries, unbounded.takesDown);
  phase('result assembly');
  const names = entryNames(ids, focusEntries);
  const hasSpof = idListsInPlace(spofList, takesDown, names);
  const result: AnalysisResult = {
    manifest: name,
    focus: options.focus ? focusEntries.map((v) => names[v]!) : null,
    ...(options.duration === undefined ? {} : { duration: options.duration }),
    summary: {
      services: graph.n,
      dependencies: graph.alts.length,
      entrypoints: focusEntries.length,
      entrypointsAtRisk: countAtRisk(focusEntries, hasSpof, domainAnalysis.takesDown),
      entrypointsWithComponentSpof: focusEntries.filter((e) => hasSpof[e]).length,
      componentSpofs: spofs.length,
      domainSpofs: domainAnalysis.spofs.length,
      cutVertices: cuts.cutVertices.length,
      cycles: cycles.length,
      coldStartBlocked: startPlan.blocked.length,
      fateSharing: fateSharing.length,
    },
    entrypoints: focusEntries.map((v) => names[v]!),
    spofs,
    domainSpofs: domainAnalysis.spofs,
    blastRadius: components,
    domainBlastRadius: domainAnalysis.blastRadius,
    cutVertices: cuts.cutVertices.map((v) => ids[v]!),
    bridges: cuts.bridges.map(([a, b]) => sortedPair(ids[a]!, ids[b]!)),
    cycles,
    coldStartOrder: startPlan.waves.map((wave) => wave.map((v) => ids[v]!)),
    coldStartBlocked: startPlan.blocked.map((v) => ids[v]!),
    coldStartWitnesses: coldStartWitnessList,
    fateSharing,
    providerConcentration: concentration,
    ...pairs,
    cutSets,
    rtoViolations: violations,
    ...(reliability ?? { availability: {}, importance: {}, slaUnknown: [] }),
    ...recovery,
  };
  if (reliability === undefined) reliabilityThread?.settleInto(result);
  phase(null);
  return result;
}

/**
 * The parts of the analysis that the policy rules of `check` read (GateAnalysis), over every
 * entry point: what only reports show is left out (cut vertices and bridges, dependency cycles,
 * provider concentration, importance, rankings, how many services are degraded); the blast
 * radii only when `blastRadius` is true (a `max-blast-radius` rule is in effect), availability
 * only when `availability` is true (a `min-availability` rule is).
 */
export function analyzeForGate(
  graph: CompiledGraph,
  options: Pick<AnalyzeOptions, 'onProgress'> & {
    /** Threads: with two or more, availability is computed on the second (large graphs). */
    threads?: Pick<SweepThreads, 'count' | 'minServices'>;
    availability: boolean;
    blastRadius: boolean;
    /** The chains of the no-spof findings, told during the sweep over every single failure. */
    chains?: SweptChains;
  },
): GateAnalysis {
  const { ids } = graph;
  const entries = entryPoints(graph);
  const inFocus = focusMask(graph, entries, undefined);
  const fate = fateSharingObserver(graph);
  const plan = planSweep(graph);
  const reliabilityThread = options.availability
    ? new PendingAvailability(plan, entries, {
        worker: (options.threads?.count ?? 1) > 1,
        minServices: options.threads?.minServices,
      })
    : undefined;
  // A second thread helps with the sweep: the availability worker once it is free, else one
  // started for it (the second core has nothing else to do meanwhile).
  const twoThreads = (options.threads?.count ?? 1) > 1;
  const helper = reliabilityThread
    ? reliabilityThread.helper
    : twoThreads
      ? idleHelper()
      : undefined;
  const { takesDown, radii } = sweepForGate(plan, {
    radii: options.blastRadius,
    fate: fate.chunks,
    chains: options.chains,
    onProgress: options.onProgress,
    ...(helper ? { threads: { count: 1, minServices: options.threads?.minServices, helper } } : {}),
  });
  reliabilityThread?.tell(takesDown);
  const spofs: GateAnalysis['spofs'][number][] = [];
  const blastRadius: GateAnalysis['blastRadius'][number][] = [];
  for (let x = 0; x < graph.n; x++) {
    if (graph.services[x]!.virtual) continue;
    if (radii) {
      const { down, entrypointsDown, costPerHour } = radii;
      blastRadius.push({
        id: ids[x]!,
        down: down[x]!,
        entrypointsDown: entrypointsDown[x]!,
        costPerHour: costPerHour[x]!,
      });
    }
    const lost = takesDown[x];
    if (lost) spofs.push({ component: x, takesDown: lost });
  }
  const domains = failureDomains(graph);
  return {
    spofs,
    domainSpofs: analyzeFailureDomains(plan, domains, inFocus, takesDown).spofs,
    blastRadius,
    fateSharing: fate.result(),
    coldStartWitnesses: coldStartWitnesses(graph),
    rtoViolations: rtoViolations(graph),
    availability: reliabilityThread?.result().availability ?? {},
    ...recoveryOf(plan, domains, entries, takesDown),
  };
}

/**
 * The threads that sweep: all but the one that computes availability, when there are two or
 * more (the sweep's own minimum size still applies to sharing it out).
 */
function sweepThreads(threads: SweepThreads | undefined): SweepThreads | undefined {
  return threads && { ...threads, count: Math.max(1, threads.count - 1) };
}

/**
 * Recovery estimates per kind of disruption and the data that shares fate, when the manifest
 * declares objectives or copies of data; nothing otherwise, so other results read as before.
 */
function recoveryOf(
  plan: SweepPlan,
  domains: readonly FailureDomain[],
  entries: readonly number[],
  takesDown: ReadonlyArray<readonly number[] | undefined>,
): Pick<AnalysisResult, 'objectives' | 'recoveryTimeUnknown' | 'dataSharesFate'> {
  const { graph } = plan;
  const hasCopies = graph.services.some((s) => s.copies !== undefined);
  if (graph.objectives === undefined && !hasCopies) return {};
  const objectives = graph.objectives;
  return {
    objectives: recoveryObjectives({ plan, domains, entries, takesDown, objectives }),
    recoveryTimeUnknown: graph.services
      .filter((s) => s.virtual !== true && s.recoveryTime === undefined)
      .map((s) => s.id),
    dataSharesFate: dataSharingFate(graph),
  };
}

/**
 * What the policy rules of `check` read of a full analysis of `graph`: its single points of
 * failure by graph index, everything else as it is.
 */
export function gateAnalysisOf(graph: CompiledGraph, result: AnalysisResult): GateAnalysis {
  const spofs = result.spofs.map(({ id, takesDown }) => ({
    component: graph.index.get(id)!,
    takesDown: takesDown.map((e) => graph.index.get(e)!).sort((a, b) => a - b),
  }));
  return { ...result, spofs };
}

/**
 * With a duration: how to sweep outages of that length, or undefined when no tolerance can make
 * them differ from outages that never end. Fate sharing and availability stay about those.
 */
function outageLength(
  plan: SweepPlan,
  inFocus: Uint8Array,
  options: AnalyzeOptions,
): OutageLength | undefined {
  const { duration } = options;
  if (duration === undefined) return undefined;
  if (!(duration > 0)) throw new RangeError('analyze: duration must be more than 0 seconds');
  if ((options.order ?? 1) > 1)
    throw new RangeError('analyze: a duration answers single failures; order must be 1');
  return toleranceMatters(plan.graph) ? new OutageLength(plan, duration, inFocus) : undefined;
}

/**
 * Minimal cut sets with `order` 2 or more; null otherwise. Up to order two they come from the
 * single failures and the pair searches; beyond, the diagram search finds them all.
 */
function cutSetsOf(
  plan: SweepPlan,
  entries: readonly number[],
  singles: {
    takesDown: ReadonlyArray<readonly number[] | undefined>;
    domains: readonly FailureDomain[];
    domainAnalysis: DomainAnalysis;
  },
  pairs: Pick<AnalysisResult, 'pairs' | 'pairSearch'>,
  options: AnalyzeOptions,
): AnalysisResult['cutSets'] {
  const order = options.order ?? 1;
  if (order < 2) return null;
  const declared = new Set((plan.graph.commonCauses ?? []).map((d) => d.domain));
  const request = {
    budget: options.cutBudget ?? DEFAULT_CUT_BUDGET,
    takesDown: singles.takesDown,
    domains: singles.domains.filter((d) => declared.has(d.domain)),
    domainTakesDown: singles.domainAnalysis.takesDown,
    listed: options.cutSetsListed ?? LISTED_CUT_SETS,
  };
  if (order > 2) return cutSetReport(plan, entries, { ...request, order });
  const pairBudget = options.pairBudget ?? DEFAULT_PAIR_BUDGET;
  return cutSetsOfOrderTwo(plan, entries, { ...request, pairBudget, found: pairs });
}

/** The pairs of failures, with `order` 2 or more; nulls otherwise. */
function orderTwo(
  plan: SweepPlan,
  domains: readonly FailureDomain[],
  inFocus: Uint8Array,
  options: AnalyzeOptions,
): Pick<AnalysisResult, 'pairs' | 'domainPairs' | 'pairSearch'> {
  if ((options.order ?? 1) < 2) return { pairs: null, domainPairs: null, pairSearch: null };
  const budget = options.pairBudget ?? DEFAULT_PAIR_BUDGET;
  const { ids } = plan.graph;
  const names = domains.map((d) => d.domain);
  const components = minimalPairs(plan, componentUnits(plan), inFocus, budget);
  const domainPairs = minimalPairs(plan, domainUnits(domains), inFocus, budget);
  const entries = (found: FoundPair) => found.entries.map((e) => ids[e]!);
  return {
    pairs: components.pairs.map((p) => ({ ids: [ids[p.a]!, ids[p.b]!], takesDown: entries(p) })),
    domainPairs: domainPairs.pairs.map((p) => ({
      domains: [names[p.a]!, names[p.b]!],
      takesDown: entries(p),
    })),
    pairSearch: { budget, components: components.totals, domains: domainPairs.totals },
  };
}

/**
 * The components that take down an entry point alone, costliest first, each with its entry
 * points as index lists (`takesDown[i]` for `spofs[i]`, whose own list stays empty until
 * `idListsInPlace` turns the index list into it once nothing reads indices any more) and
 * the component of each (`components[i]`).
 *
 * They are listed in the order of the blast-radius ranking (`ranked`), whose key differs from
 * theirs only in counting every entry point down where they count those other than the failed
 * one: the same number unless a SPOF is itself an entry point in focus. Ties are broken by id
 * order, so that order is total, and the ranking, sorted once, orders them too; only when some
 * SPOF is such an entry point (or a cost is NaN) are they sorted apart.
 */
function componentSpofs(
  graph: CompiledGraph,
  takesDown: ReadonlyArray<number[] | undefined>,
  radii: BlastRadii,
  cutVertices: readonly number[],
  ranked: readonly number[],
  byId: Int32Array,
): { spofs: ComponentSpof[]; takesDown: number[][]; components: number[] } {
  const isCut = new Uint8Array(graph.n);
  for (const v of cutVertices) isCut[v] = 1;
  let found: number[] = [];
  let sameKeys = true;
  for (let i = 0; i < ranked.length; i++) {
    const x = ranked[i]!;
    // A cost that is NaN compares as a tie with anything: no consistent order to share.
    if (Number.isNaN(radii.costPerHour[x])) sameKeys = false;
    const list = takesDown[x];
    if (!list) continue;
    found.push(x);
    if (list.length !== radii.entrypointsDown[x]) sameKeys = false;
  }
  if (!sameKeys) {
    const lost = new Int32Array(graph.n);
    for (const x of found) lost[x] = takesDown[x]!.length;
    found = sortByRisk(
      found.sort((a, b) => a - b),
      radii,
      lost,
      byId,
    );
  }
  const { ids } = graph;
  const { down, degraded, entrypointsDown, costPerHour } = radii;
  const spofs = found.map((x): ComponentSpof => ({
    id: ids[x]!,
    takesDown: NOT_YET_LISTED,
    blastRadius: {
      down: down[x]!,
      degraded: degraded[x]!,
      entrypointsDown: entrypointsDown[x]!,
      costPerHour: costPerHour[x]!,
    },
    cutVertex: isCut[x] === 1,
  }));
  return { spofs, takesDown: found.map((x) => takesDown[x]!), components: found };
}

/**
 * Every SPOF's `takesDown` until `idListsInPlace` sets its own list: one empty list for all of
 * them, rather than one each to be thrown away (nothing adds to it in between).
 */
const NOT_YET_LISTED: string[] = [];

/**
 * The ids by index, each entry point's id a string of its own: a loaded manifest's ids can be
 * views into the manifest's text (V8 keeps a slice of 13 characters or more as a view), and the
 * SPOFs' lists repeat each entry point's id millions of times at a million services, each read
 * of a view reaching into a different place of a text of hundreds of megabytes. A copy made by
 * the JSON parser holds its characters itself; the same copy stands in every list, and in the
 * list of entry points, so a reporter that looks ids up finds the very string.
 */
function entryNames(ids: readonly string[], entries: readonly number[]): string[] {
  const names = ids.slice();
  for (const e of entries) names[e] = JSON.parse(JSON.stringify(ids[e]!)) as string;
  return names;
}

/**
 * Each SPOF's entry points as ids, written over its index list: a large graph's lists hold
 * millions of entries, and copies would double them for the garbage collector. Every reader
 * of the indices is done; the lists are taken out of `found` and out of `takesDown` (the
 * single failures' record), so that nothing holds them as index lists any more.
 */
function idListsInPlace(
  found: { spofs: ComponentSpof[]; takesDown: number[][]; components: number[] },
  takesDown: Array<number[] | undefined>,
  ids: readonly string[],
): Uint8Array {
  // hasSpof[e] = 1: some component takes entry point e down alone. Marked here, where every
  // list is read anyway, rather than in a pass of its own over millions of entries.
  const hasSpof = new Uint8Array(ids.length);
  const { spofs } = found;
  for (let i = 0; i < spofs.length; i++) {
    const list: Array<number | string> = found.takesDown[i]!;
    takesDown[found.components[i]!] = undefined;
    for (let k = 0; k < list.length; k++) {
      const e = list[k] as number;
      hasSpof[e] = 1;
      list[k] = ids[e]!;
    }
    spofs[i]!.takesDown = list as string[];
  }
  found.takesDown.length = 0;
  return hasSpof;
}

/**
 * Entry points that a single component or a single failure domain takes down, counted over
 * index marks: a set of their ids would hash as many strings as the domains' lists hold.
 */
function countAtRisk(
  entries: readonly number[],
  hasSpof: Uint8Array,
  domainTakesDown: ReadonlyMap<string, readonly number[]>,
): number {
  const atRisk = hasSpof.slice();
  for (const lost of domainTakesDown.values()) for (const e of lost) atRisk[e] = 1;
  let count = 0;
  for (const e of entries) count += atRisk[e]!;
  return count;
}

function rankDomains(domainAnalysis: DomainAnalysis): void {
  domainAnalysis.spofs.sort(
    (a, b) =>
      byRisk(a.blastRadius, b.blastRadius, a.takesDown.length, b.takesDown.length) ||
      byCodeUnit(a.domain, b.domain),
  );
  domainAnalysis.blastRadius.sort(
    (a, b) => byRisk(a, b, a.entrypointsDown, b.entrypointsDown) || byCodeUnit(a.domain, b.domain),
  );
}

/**
 * The components that can fail (virtual ones cannot), largest blast radius first: the order of
 * the blast-radius ranking, and of the SPOFs among them (`componentSpofs`).
 */
function rankedByRisk(graph: CompiledGraph, radii: BlastRadii, byId: Int32Array): number[] {
  const ranked: number[] = [];
  const { services } = graph;
  for (let x = 0; x < graph.n; x++) if (!services[x]!.virtual) ranked.push(x);
  return sortByRisk(ranked, radii, radii.entrypointsDown, byId);
}

/** Every component's blast radius, in the order of `rankedByRisk`. */
function rankComponents(
  graph: CompiledGraph,
  radii: BlastRadii,
  ranked: readonly number[],
): ComponentBlastRadius[] {
  const { ids } = graph;
  const { down, degraded, entrypointsDown, costPerHour } = radii;
  return ranked.map((x) => ({
    id: ids[x]!,
    down: down[x]!,
    degraded: degraded[x]!,
    entrypointsDown: entrypointsDown[x]!,
    costPerHour: costPerHour[x]!,
  }));
}

/** Entry points to analyse: all of them, or the ones named by --entry (which must be entry points). */
function focusMask(
  graph: CompiledGraph,
  entries: readonly number[],
  focus: readonly string[] | undefined,
): Uint8Array {
  const mask = new Uint8Array(graph.n);
  if (!focus) {
    for (const e of entries) mask[e] = 1;
    return mask;
  }
  for (const id of focus) {
    const v = graph.index.get(id);
    if (v === undefined || !graph.entry[v])
      throw new FocusError(
        id,
        entries.map((e) => graph.ids[e]!),
      );
    mask[v] = 1;
  }
  return mask;
}

/** `--entry` named something that is not an entry point. */
export class FocusError extends Error {
  readonly id: string;
  readonly entrypoints: readonly string[];
  constructor(id: string, entrypoints: readonly string[]) {
    super(`"${id}" is not an entry point`);
    this.name = 'FocusError';
    this.id = id;
    this.entrypoints = entrypoints;
  }
}

/** The cycles that keep services from a cold start, each with the services it blocks. */
function coldStartWitnesses(
  graph: CompiledGraph,
  { witnessCycles: cycles, witnessCycleOf: cycleOf, blocked }: ColdStartPlan = coldStart(graph),
): ColdStartBlock[] {
  const blocks: string[][] = cycles.map(() => []);
  for (const v of blocked) {
    const c = cycleOf[v]!;
    if (c !== -1) blocks[c]!.push(graph.ids[v]!);
  }
  return cycles
    .map((cycle, c) => ({ cycle: cycle.map((v) => graph.ids[v]!), blocks: blocks[c]! }))
    .sort((a, b) => byCodeUnit(a.cycle[0]!, b.cycle[0]!));
}

function sortedPair(a: string, b: string): [string, string] {
  return a < b ? [a, b] : [b, a];
}
