// The structure function of a manifest as a fault tree in terms of "up": one variable per thing
// that can fail on its own (a component with an sla, a failure domain with its own probability),
// an AND gate per service (its own variable, its domains' variables, its requirements), an
// at-least-k gate per redundancy group, and a CYCLE gate per member of a dependency cycle that
// has a redundancy group inside (the greatest fixed point, solved where the BDD is built).
// Normalised while built, dependencies first: what cannot fail is the constant "up" and drops
// out (constant propagation), a gate of one input is that input, an n-of-n group is a series
// of its members, and a cycle through series requirements only is one AND of all it contains.

import type { CompiledGraph } from '../../model/compiled-graph.js';
import { componentLabels } from '../graph/strongly-connected-components.js';

/** A reference: a gate g ≥ 0, a variable x as −1 − x, or ALWAYS_UP. */
export type Ref = number;
export const ALWAYS_UP = 0x7fffffff;
export const AND = 0;
export const AT_LEAST = 1;
export const CYCLE = 2;

export interface ReliabilityEvent {
  /** A component id or a domain name. */
  id: string;
  up: number;
  /** 1 − up, kept from the sla's own digits. */
  down: number;
  /** Member services: the component itself, or every member of the domain. */
  members: readonly number[];
}

/** One requirement of a cycle member: at least k of the inputs up. */
interface CycleRequirement {
  k: number;
  inputs: Ref[];
}

/**
 * A strongly connected set of services with a redundancy group inside. Its first gate (the
 * head) has as inputs everything the block reads from outside; each other member's gate has
 * the head as its one input, so all members have the same things below them.
 */
export interface CycleBlock {
  /** The CYCLE gate of each member, the head first. */
  gates: number[];
  /** Per member: its own variables (conjoined) and requirements; inputs may be member gates. */
  own: Ref[][];
  requirements: CycleRequirement[][];
}

export interface FaultStructure {
  readonly events: readonly ReliabilityEvent[];
  /** Per gate: its kind, k for AT_LEAST, and its inputs childStart[g] .. childStart[g+1]-1. */
  readonly kind: Uint8Array;
  readonly k: Int32Array;
  readonly childStart: Int32Array;
  readonly children: Int32Array;
  /** For a CYCLE gate, its block. */
  readonly blockOf: Int32Array;
  readonly blocks: readonly CycleBlock[];
  /** The reference of each service's "up" function. */
  readonly refOf: Int32Array;
  /** The event of each service's own failure, or ALWAYS_UP when it cannot fail by itself. */
  readonly eventOf: Int32Array;
}

export interface CommonCause {
  /** A domain name, as failureDomains spells it. */
  id: string;
  up: number;
  down: number;
  members: readonly number[];
}

/** What the fault structure reads of the graph: its hard requirements and the services' ids. */
export type StructureGraph = Pick<
  CompiledGraph,
  'n' | 'ids' | 'reqStart' | 'reqSoft' | 'reqQuorum' | 'altStart' | 'alts'
>;

export function faultStructure(
  graph: StructureGraph,
  up: Float64Array,
  down: Float64Array,
  domains: readonly CommonCause[] = [],
): FaultStructure {
  return new Builder(graph, up, down, domains).build();
}

/** A list of integers in a typed array, grown by doubling. */
class IntList {
  data: Int32Array;
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Int32Array(Math.max(16, capacity));
  }

  push(x: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(2 * this.data.length);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = x;
  }

  toArray(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

class Builder {
  private readonly events: ReliabilityEvent[] = [];
  /** Variables of the failure domains each service is a member of (absent: none). */
  private readonly domainVars = new Map<number, Ref[]>();
  private readonly kind: IntList;
  private readonly k: IntList;
  private readonly childStart: IntList;
  private readonly children: IntList;
  private readonly blockOf: IntList;
  /** A service's inputs, and one requirement's live alternatives, while they are gathered. */
  private readonly inputs = new IntList(64);
  private readonly live = new IntList(64);
  private readonly blocks: CycleBlock[] = [];
  private readonly refOf: Int32Array;
  private readonly eventOf: Int32Array;
  /** For the cycle being built: 1 + each member's index in it, 0 for every other service. */
  private readonly memberAt: Int32Array;

  constructor(
    private readonly graph: StructureGraph,
    up: Float64Array,
    down: Float64Array,
    domains: readonly CommonCause[],
  ) {
    // Room for a gate per service and per requirement, an input per alternative and service:
    // what a graph without cycles takes at most (more grows by doubling).
    const gates = graph.n + graph.reqQuorum.length + 1;
    this.kind = new IntList(gates);
    this.k = new IntList(gates);
    this.childStart = new IntList(gates + 1);
    this.blockOf = new IntList(gates);
    this.children = new IntList(graph.alts.length + graph.n);
    this.childStart.push(0);
    this.refOf = new Int32Array(graph.n).fill(ALWAYS_UP);
    this.eventOf = new Int32Array(graph.n).fill(ALWAYS_UP);
    this.memberAt = new Int32Array(graph.n);
    for (let v = 0; v < graph.n; v++) {
      if (down[v]! <= 0) continue;
      this.eventOf[v] = -1 - this.events.length;
      this.events.push({ id: graph.ids[v]!, up: up[v]!, down: down[v]!, members: [v] });
    }
    for (const d of domains) {
      if (d.down <= 0 || d.members.length === 0) continue;
      for (const v of d.members) {
        const vars = this.domainVars.get(v);
        if (vars === undefined) this.domainVars.set(v, [-1 - this.events.length]);
        else vars.push(-1 - this.events.length);
      }
      this.events.push({ id: d.id, up: d.up, down: d.down, members: d.members });
    }
  }

  /** Variables of service v: its own, then its domains'. */
  private ownVars(v: number): Ref[] {
    const own = this.eventOf[v] === ALWAYS_UP ? [] : [this.eventOf[v]!];
    const domains = this.domainVars.get(v);
    return domains === undefined ? own : [...own, ...domains];
  }

  build(): FaultStructure {
    const { n, reqStart, altStart, alts } = this.graph;
    const start = new Int32Array(n + 1);
    const all = new Int32Array(alts.length);
    let end = 0;
    for (let v = 0; v < n; v++) {
      for (let r = reqStart[v]!; r < reqStart[v + 1]!; r++) {
        if (this.graph.reqSoft[r]) continue;
        for (let a = altStart[r]!; a < altStart[r + 1]!; a++) all[end++] = alts[a]!;
      }
      start[v + 1] = end;
    }
    const targets = all.subarray(0, end);
    // The components in the order they close (dependencies first), each one's members
    // increasing: a counting sort of the labels, an array only for a component of several.
    const { componentOf, count } = componentLabels(n, start, targets);
    const first = new Int32Array(count + 1);
    for (let v = 0; v < n; v++) first[componentOf[v]! + 1]!++;
    for (let c = 0; c < count; c++) first[c + 1]! += first[c]!;
    const byComponent = new Int32Array(n);
    const next = first.slice(0, count);
    for (let v = 0; v < n; v++) byComponent[next[componentOf[v]!]!++] = v;
    for (let c = 0; c < count; c++) {
      const v = byComponent[first[c]!]!;
      let alone = first[c + 1]! - first[c]! === 1;
      for (let j = start[v]!; j < start[v + 1]! && alone; j++) alone = targets[j] !== v;
      if (alone) this.refOf[v] = this.service(v);
      else this.cycle(Array.from(byComponent.subarray(first[c]!, first[c + 1]!)));
    }
    return {
      events: this.events,
      kind: Uint8Array.from(this.kind.toArray()),
      k: this.k.toArray(),
      childStart: this.childStart.toArray(),
      children: this.children.toArray(),
      blockOf: this.blockOf.toArray(),
      blocks: this.blocks,
      refOf: this.refOf,
      eventOf: this.eventOf,
    };
  }

  private gate(kind: number, k: number, inputs: ArrayLike<Ref>, block = -1): number {
    const g = this.kind.length;
    this.kind.push(kind);
    this.k.push(k);
    this.blockOf.push(block);
    for (let i = 0; i < inputs.length; i++) this.children.push(inputs[i]!);
    this.childStart.push(this.children.length);
    return g;
  }

  /** A gate whose inputs are the first `length` of `list`. */
  private gateOf(kind: number, k: number, list: IntList, length: number): number {
    const g = this.kind.length;
    this.kind.push(kind);
    this.k.push(k);
    this.blockOf.push(-1);
    for (let i = 0; i < length; i++) this.children.push(list.data[i]!);
    this.childStart.push(this.children.length);
    return g;
  }

  /**
   * The AND of the gathered `inputs` (ALWAYS_UP dropped, duplicates once, in the order of their
   * first place), as `and` makes it.
   */
  private andOfInputs(): Ref {
    const list = this.inputs;
    const data = list.data;
    let length = 0;
    if (list.length <= 16) {
      for (let i = 0; i < list.length; i++) {
        const c = data[i]!;
        if (c === ALWAYS_UP) continue;
        let repeated = false;
        for (let j = 0; j < length && !repeated; j++) repeated = data[j] === c;
        if (!repeated) data[length++] = c;
      }
    } else {
      const seen = new Set<Ref>();
      for (let i = 0; i < list.length; i++) {
        const c = data[i]!;
        if (c === ALWAYS_UP || seen.has(c)) continue;
        seen.add(c);
        data[length++] = c;
      }
    }
    if (length === 0) return ALWAYS_UP;
    if (length === 1) return data[0]!;
    return this.gateOf(AND, 0, list, length);
  }

  /** The AND of inputs (ALWAYS_UP dropped, duplicates once). */
  private and(inputs: readonly Ref[]): Ref {
    const live = inputs.filter((c) => c !== ALWAYS_UP);
    const distinct =
      live.length <= 16 ? live.filter((c, i) => live.indexOf(c) === i) : [...new Set(live)];
    if (distinct.length === 0) return ALWAYS_UP;
    if (distinct.length === 1) return distinct[0]!;
    return this.gate(AND, 0, distinct);
  }

  /** The inputs of service v's AND: its variables and each hard requirement. */
  private service(v: number): Ref {
    const { reqStart, reqSoft, reqQuorum, altStart, alts } = this.graph;
    const { inputs, live, refOf } = this;
    inputs.length = 0;
    if (this.eventOf[v] !== ALWAYS_UP) inputs.push(this.eventOf[v]!);
    const domains = this.domainVars.get(v);
    if (domains !== undefined) for (const x of domains) inputs.push(x);
    for (let r = reqStart[v]!; r < reqStart[v + 1]!; r++) {
      if (reqSoft[r]) continue;
      const width = altStart[r + 1]! - altStart[r]!;
      live.length = 0;
      for (let a = altStart[r]!; a < altStart[r + 1]!; a++) {
        const ref = refOf[alts[a]!]!;
        if (ref !== ALWAYS_UP) live.push(ref);
      }
      const k = reqQuorum[r]! - (width - live.length);
      if (k <= 0) continue;
      if (k >= live.length) for (let i = 0; i < live.length; i++) inputs.push(live.data[i]!);
      else inputs.push(this.gateOf(AT_LEAST, k, live, live.length));
    }
    return this.andOfInputs();
  }

  /**
   * A dependency cycle. Through series requirements only, every member needs every other: each
   * is the AND of everything the cycle contains. Otherwise a block of CYCLE gates.
   */
  private cycle(members: number[]): void {
    const { reqStart, reqSoft, reqQuorum, altStart, alts } = this.graph;
    const { memberAt } = this;
    members.forEach((v, i) => (memberAt[v] = i + 1));
    let seriesOnly = true;
    for (const v of members) {
      for (let r = reqStart[v]!; r < reqStart[v + 1]!; r++) {
        if (reqSoft[r]) continue;
        const width = altStart[r + 1]! - altStart[r]!;
        if (reqQuorum[r]! >= width) continue;
        for (let a = altStart[r]!; a < altStart[r + 1]!; a++)
          if (memberAt[alts[a]!] !== 0) seriesOnly = false;
      }
    }
    if (seriesOnly) {
      const inputs: Ref[] = [];
      for (const v of members) {
        inputs.push(...this.ownVars(v));
        for (let r = reqStart[v]!; r < reqStart[v + 1]!; r++) {
          if (reqSoft[r]) continue;
          const width = altStart[r + 1]! - altStart[r]!;
          const refs: Ref[] = [];
          for (let a = altStart[r]!; a < altStart[r + 1]!; a++)
            if (memberAt[alts[a]!] === 0) refs.push(this.refOf[alts[a]!]!);
          if (refs.length === width && reqQuorum[r]! < width) {
            const live = refs.filter((c) => c !== ALWAYS_UP);
            const k = reqQuorum[r]! - (refs.length - live.length);
            if (k <= 0) continue;
            if (k >= live.length) inputs.push(...live);
            else inputs.push(this.gate(AT_LEAST, k, live));
          } else inputs.push(...refs);
        }
      }
      const ref = this.and(inputs);
      for (const v of members) this.refOf[v] = ref;
    } else this.block(members);
    for (const v of members) memberAt[v] = 0;
  }

  /** CYCLE gates: the head's inputs are everything the block reads from outside (variables too). */
  private block(members: number[]): void {
    const { reqStart, reqSoft, reqQuorum, altStart, alts } = this.graph;
    const { memberAt } = this;
    const b = this.blocks.length;
    const first = this.kind.length;
    // What the block reads from outside, each once: marked by gate and by event.
    const outside: Ref[] = [];
    const gateMarked = new Uint8Array(first);
    const eventMarked = new Uint8Array(this.events.length);
    const read = (ref: Ref) => {
      if (ref < 0 ? eventMarked[-1 - ref] : gateMarked[ref]) return;
      if (ref < 0) eventMarked[-1 - ref] = 1;
      else gateMarked[ref] = 1;
      outside.push(ref);
    };
    const own: Ref[][] = [];
    const requirements: CycleRequirement[][] = [];
    for (const v of members) {
      const vars = this.ownVars(v);
      own.push(vars);
      for (const x of vars) read(x);
      const reqs: CycleRequirement[] = [];
      for (let r = reqStart[v]!; r < reqStart[v + 1]!; r++) {
        if (reqSoft[r]) continue;
        const inputs: Ref[] = [];
        let k = reqQuorum[r]!;
        for (let a = altStart[r]!; a < altStart[r + 1]!; a++) {
          const w = alts[a]!;
          if (memberAt[w] !== 0) {
            inputs.push(first + memberAt[w]! - 1);
            continue;
          }
          const ref = this.refOf[w]!;
          if (ref === ALWAYS_UP) k--;
          else {
            inputs.push(ref);
            read(ref);
          }
        }
        if (k > 0) reqs.push({ k, inputs });
      }
      requirements.push(reqs);
    }
    const inputs = Int32Array.from(outside).sort();
    // The first member (the block's head) reads the inputs; every other member reads the head,
    // so the block costs its inputs once rather than once per member.
    const head = this.gate(CYCLE, 0, inputs, b);
    const gates = members.map((_, i) => (i === 0 ? head : this.gate(CYCLE, 0, [head], b)));
    members.forEach((v, i) => (this.refOf[v] = gates[i]!));
    this.blocks.push({ gates, own, requirements });
  }
}
