// The part of the graph Monte Carlo settles, compiled once for its many passes: the services the
// sampled entry points need along hard requirements, less those that cannot fail at all (nothing
// below them has an sla), numbered densely in rank order (a strongly connected component's members
// in an order that puts inputs before their readers wherever the cycle allows, so that settling
// it takes fewer rounds and reads inputs nearby). Each keeps what can take it down: its
// series inputs (any one down takes it down) and its groups (at least `need` members down), so
// settling 128 samples (four words of 32 per member, held in variables while a member is settled)
// is one tight loop over small integer arrays: an input's index is read once for all four.

import type { RankedGraph } from '../../outage/ranked-graph.js';
import { bit, lowest, union, withoutLowest } from '../../graph/bit-mask.js';

/** Words of 32 samples each member holds, settled in one walk of the region. */
export const WORDS = 4;

export class SampledRegion {
  /**
   * Services in the region (those that can fail), numbered 0 .. size−1 in rank order, the
   * members of a strongly connected component of several among themselves inputs first.
   */
  readonly size: number;
  /** rankOf[i]: the rank of region member i; localOf[r]: the member of rank r, or −1. */
  readonly rankOf: Int32Array;
  readonly localOf: Int32Array;
  /** Inputs of member i any one of which down takes it down: series[seriesStart[i] ..]. */
  private readonly seriesStart: Int32Array;
  private readonly series: Int32Array;
  /** Groups of member i: groupStart[i] ..; group g is lost when `need[g]` of its members are. */
  private readonly groupStart: Int32Array;
  private readonly need: Int32Array;
  private readonly memberStart: Int32Array;
  private readonly members: Int32Array;
  /** For a member of a strongly connected component of several: its last member, else −1. */
  private readonly componentLast: Int32Array;
  /** Members of the same component that read member i: inside[insideStart[i] ..]. */
  private readonly insideStart: Int32Array;
  private readonly inside: Int32Array;
  /** Members of a component still to settle, one bit each. */
  private readonly dirty: Uint32Array;
  private tally = new Int32Array(64);

  /**
   * From the hard region (as hardRegion gives it); `failsAlone[r]`: rank r can fail by itself
   * (its own sla, or a failure domain of its own probability).
   */
  constructor(plan: Omit<RankedGraph, 'graph'>, region: Int32Array, failsAlone: Uint8Array) {
    const { component, reqStart, reqSoft, reqQuorum, altStart, alts } = plan;
    const n = plan.order.length;
    // Which ranks can be down in some state: in rank order, with a component as one (it can
    // when any member can by itself or through an input from outside it).
    const canFail = new Uint8Array(n);
    for (let k = 0; k < region.length;) {
      let end = k + 1;
      while (end < region.length && component[region[end]!] === component[region[k]!]) end++;
      let fails = 0;
      for (let j = k; j < end && !fails; j++) {
        const r = region[j]!;
        fails = failsAlone[r]! || losesRequirement(r) ? 1 : 0;
      }
      for (let j = k; j < end; j++) canFail[region[j]!] = fails;
      k = end;
    }
    const rankOf = region.filter((r) => canFail[r] === 1);
    const size = rankOf.length;
    const localOf = new Int32Array(n).fill(-1);
    for (let i = 0; i < size; i++) localOf[rankOf[i]!] = i;
    inputsFirst(plan, rankOf, localOf);
    // Written in place, at most one entry per alternative (or requirement) of the graph.
    const seriesStart = new Int32Array(size + 1);
    const series = new Int32Array(alts.length);
    const groupStart = new Int32Array(size + 1);
    const need = new Int32Array(reqQuorum.length);
    const memberStart = new Int32Array(reqQuorum.length + 1);
    const members = new Int32Array(alts.length);
    let seriesEnd = 0;
    let groups = 0;
    let membersEnd = 0;
    for (let i = 0; i < size; i++) {
      const r = rankOf[i]!;
      for (let q = reqStart[r]!; q < reqStart[r + 1]!; q++) {
        if (reqSoft[q]) continue;
        const lost = altStart[q + 1]! - altStart[q]! - reqQuorum[q]! + 1;
        if (lost <= 1) {
          for (let a = altStart[q]!; a < altStart[q + 1]!; a++)
            if (localOf[alts[a]!]! >= 0) series[seriesEnd++] = localOf[alts[a]!]!;
          continue;
        }
        const from = membersEnd;
        for (let a = altStart[q]!; a < altStart[q + 1]!; a++)
          if (localOf[alts[a]!]! >= 0) members[membersEnd++] = localOf[alts[a]!]!;
        // Fewer members that can fail than it takes: never lost.
        if (membersEnd - from < lost) membersEnd = from;
        else {
          need[groups++] = lost;
          memberStart[groups] = membersEnd;
        }
      }
      seriesStart[i + 1] = seriesEnd;
      groupStart[i + 1] = groups;
    }
    this.size = size;
    this.rankOf = rankOf;
    this.localOf = localOf;
    this.seriesStart = seriesStart;
    this.series = series.slice(0, seriesEnd);
    this.groupStart = groupStart;
    this.need = need.slice(0, groups);
    this.memberStart = memberStart.slice(0, groups + 1);
    this.members = members.slice(0, membersEnd);
    this.componentLast = new Int32Array(size).fill(-1);
    for (let i = 0; i < size;) {
      let end = i + 1;
      while (end < size && component[rankOf[end]!] === component[rankOf[i]!]) end++;
      if (end - i > 1) this.componentLast.fill(end - 1, i, end);
      i = end;
    }
    [this.insideStart, this.inside] = this.readersInside();
    this.dirty = new Uint32Array((size + 31) >>> 5);

    /** Whether some hard requirement of r can be lost given what is known to fail so far. */
    function losesRequirement(r: number): boolean {
      for (let q = reqStart[r]!; q < reqStart[r + 1]!; q++) {
        if (reqSoft[q]) continue;
        let failing = 0;
        for (let a = altStart[q]!; a < altStart[q + 1]!; a++) {
          const w = alts[a]!;
          // A member of r's own component counts as failing: its component is decided as one.
          if (canFail[w] || component[w] === component[r]) failing++;
        }
        if (failing >= altStart[q + 1]! - altStart[q]! - reqQuorum[q]! + 1) return true;
      }
      return false;
    }
  }

  /**
   * Down masks of the region's members from their own failures (`down`, in place): WORDS words
   * of 32 samples per member, member i's at WORDS·i .. WORDS·i + WORDS − 1, so one walk of the
   * inputs settles 128 samples.
   */
  settle(down: Uint32Array): void {
    const { size, componentLast, insideStart, inside, dirty } = this;
    for (let i = 0; i < size;) {
      const last = componentLast[i]!;
      if (last < 0) {
        this.settled(down, i);
        i++;
        continue;
      }
      // A strongly connected component: members settled again while their inputs change, in
      // order, each round only those whose inputs did (the least fixed point of "down"). The
      // members still to settle are bits of `dirty`, so a round skips 32 settled ones at a time.
      for (let v = i; v <= last; v++) dirty[v >>> 5] = union(dirty[v >>> 5]!, bit(v & 31));
      for (let again = true; again;) {
        again = false;
        for (let w = i >>> 5; w <= last >>> 5; w++) {
          while (dirty[w] !== 0) {
            const v = (w << 5) + lowest(dirty[w]!);
            dirty[w] = withoutLowest(dirty[w]!);
            if (!this.settled(down, v)) continue;
            for (let d = insideStart[v]!; d < insideStart[v + 1]!; d++) {
              const reader = inside[d]!;
              const b = bit(reader & 31);
              if ((dirty[reader >>> 5]! & b) !== 0) continue;
              dirty[reader >>> 5] = union(dirty[reader >>> 5]!, b);
              if (reader <= v) again = true;
            }
          }
        }
      }
      i = last + 1;
    }
  }

  /** Member i's four words from its own and its inputs' (in place); whether they changed. */
  private settled(down: Uint32Array, i: number): boolean {
    const { seriesStart, series, groupStart, need, memberStart, members } = this;
    const at = WORDS * i;
    const was0 = down[at]!;
    const was1 = down[at + 1]!;
    const was2 = down[at + 2]!;
    const was3 = down[at + 3]!;
    let mask0 = was0;
    let mask1 = was1;
    let mask2 = was2;
    let mask3 = was3;
    const seriesEnd = seriesStart[i + 1]!;
    for (let j = seriesStart[i]!; j < seriesEnd; j++) {
      const from = WORDS * series[j]!;
      mask0 |= down[from]!;
      mask1 |= down[from + 1]!;
      mask2 |= down[from + 2]!;
      mask3 |= down[from + 3]!;
    }
    const groupEnd = groupStart[i + 1]!;
    for (let g = groupStart[i]!; g < groupEnd; g++) {
      const first = memberStart[g]!;
      const last = memberStart[g + 1]!;
      const k = need[g]!;
      if (k === last - first) {
        // Every member needed down: the samples where all are.
        const head = WORDS * members[first]!;
        let all0 = down[head]!;
        let all1 = down[head + 1]!;
        let all2 = down[head + 2]!;
        let all3 = down[head + 3]!;
        for (let a = first + 1; a < last && (all0 | all1 | all2 | all3) !== 0; a++) {
          const from = WORDS * members[a]!;
          all0 &= down[from]!;
          all1 &= down[from + 1]!;
          all2 &= down[from + 2]!;
          all3 &= down[from + 3]!;
        }
        mask0 |= all0;
        mask1 |= all1;
        mask2 |= all2;
        mask3 |= all3;
      } else if (k === 2) {
        // Two down: the samples of a member down where an earlier one already was.
        let one0 = 0;
        let two0 = 0;
        let one1 = 0;
        let two1 = 0;
        let one2 = 0;
        let two2 = 0;
        let one3 = 0;
        let two3 = 0;
        for (let a = first; a < last; a++) {
          const from = WORDS * members[a]!;
          const m0 = down[from]!;
          const m1 = down[from + 1]!;
          const m2 = down[from + 2]!;
          const m3 = down[from + 3]!;
          two0 |= one0 & m0;
          one0 |= m0;
          two1 |= one1 & m1;
          one1 |= m1;
          two2 |= one2 & m2;
          one2 |= m2;
          two3 |= one3 & m3;
          one3 |= m3;
        }
        mask0 |= two0;
        mask1 |= two1;
        mask2 |= two2;
        mask3 |= two3;
      } else {
        mask0 |= this.atLeast(down, 0, first, last, k);
        mask1 |= this.atLeast(down, 1, first, last, k);
        mask2 |= this.atLeast(down, 2, first, last, k);
        mask3 |= this.atLeast(down, 3, first, last, k);
      }
    }
    if (((mask0 ^ was0) | (mask1 ^ was1) | (mask2 ^ was2) | (mask3 ^ was3)) === 0) return false;
    down[at] = mask0;
    down[at + 1] = mask1;
    down[at + 2] = mask2;
    down[at + 3] = mask3;
    return true;
  }

  /** Samples of word `word` in which at least k of members[first .. last−1] are down. */
  private atLeast(down: Uint32Array, word: number, first: number, last: number, k: number): number {
    // tally[j]: samples with more than j members down so far (a unary counter, capped at k).
    if (k > this.tally.length) this.tally = new Int32Array(k);
    const { tally, members } = this;
    tally.fill(0, 0, k);
    for (let a = first; a < last; a++) {
      const m = down[WORDS * members[a]! + word]!;
      if (m === 0) continue;
      for (let j = k - 1; j >= 1; j--) tally[j] = tally[j]! | (tally[j - 1]! & m);
      tally[0] = tally[0]! | m;
    }
    return tally[k - 1]!;
  }

  /** For each member, the members of its own component that read it. */
  private readersInside(): [Int32Array, Int32Array] {
    const { size, componentLast } = this;
    const count = new Int32Array(size + 1);
    const each = (visit: (reader: number, input: number) => void) => {
      for (let i = 0; i < size; i++) {
        if (componentLast[i]! < 0) continue;
        const inComponent = (c: number) => componentLast[c] === componentLast[i];
        for (let j = this.seriesStart[i]!; j < this.seriesStart[i + 1]!; j++)
          if (inComponent(this.series[j]!)) visit(i, this.series[j]!);
        for (let g = this.groupStart[i]!; g < this.groupStart[i + 1]!; g++)
          for (let a = this.memberStart[g]!; a < this.memberStart[g + 1]!; a++)
            if (inComponent(this.members[a]!)) visit(i, this.members[a]!);
      }
    };
    each((_, input) => count[input + 1]!++);
    for (let i = 0; i < size; i++) count[i + 1]! += count[i]!;
    const at = count.slice(0, size);
    const readers = new Int32Array(count[size]!);
    each((reader, input) => (readers[at[input]!++] = reader));
    return [count, readers];
  }
}

/** Ranks the entry points need along hard requirements (themselves included), increasing. */
export function hardRegion(
  plan: Omit<RankedGraph, 'graph'>,
  entries: readonly number[],
): Int32Array {
  const { reqStart, reqSoft, altStart, alts } = plan;
  const n = plan.order.length;
  const seen = new Uint8Array(n);
  const stack = new Int32Array(n);
  let top = 0;
  let count = 0;
  for (const v of entries) {
    const r = plan.rank[v]!;
    if (!seen[r]) stack[top++] = r;
    seen[r] = 1;
  }
  while (top > 0) {
    const u = stack[--top]!;
    count++;
    for (let q = reqStart[u]!; q < reqStart[u + 1]!; q++) {
      if (reqSoft[q]) continue;
      for (let a = altStart[q]!; a < altStart[q + 1]!; a++) {
        const w = alts[a]!;
        if (!seen[w]) stack[top++] = w;
        seen[w] = 1;
      }
    }
  }
  const region = new Int32Array(count);
  for (let r = 0, i = 0; r < n; r++) if (seen[r]) region[i++] = r;
  return region;
}

/**
 * The members of each strongly connected component of several, renumbered among themselves (in
 * place: `rankOf` and `localOf`) in the order a depth-first walk along their requirements (soft
 * ones too) finishes them, so that a member's inputs come before it except where a link closes a
 * cycle. Settling reaches the same least fixed point in any order; in this one each round leaves
 * fewer members to settle again (in rank order about half of a large cycle's links can point
 * back).
 */
function inputsFirst(plan: Omit<RankedGraph, 'graph'>, rankOf: Int32Array, localOf: Int32Array) {
  const { component, reqStart, altStart, alts } = plan;
  const size = rankOf.length;
  const finished = new Int32Array(size);
  const done = new Uint8Array(size);
  // The walk's path: members and, for each, the next link to follow.
  const path = new Int32Array(size);
  const nextLink = new Int32Array(size);
  for (let from = 0; from < size;) {
    let end = from + 1;
    while (end < size && component[rankOf[end]!] === component[rankOf[from]!]) end++;
    if (end - from > 1) {
      let count = 0;
      for (let s = from; s < end; s++) {
        if (done[s]) continue;
        let top = 0;
        path[top] = s;
        nextLink[top++] = altStart[reqStart[rankOf[s]!]!]!;
        done[s] = 1;
        while (top > 0) {
          const i = path[top - 1]!;
          const r = rankOf[i]!;
          const a = nextLink[top - 1]!;
          if (a === altStart[reqStart[r + 1]!]) {
            finished[from + count++] = r;
            top--;
            continue;
          }
          nextLink[top - 1] = a + 1;
          const j = localOf[alts[a]!]!;
          if (j < from || j >= end || done[j]) continue;
          done[j] = 1;
          path[top] = j;
          nextLink[top++] = altStart[reqStart[rankOf[j]!]!]!;
        }
      }
      for (let i = from; i < end; i++) {
        rankOf[i] = finished[i]!;
        localOf[finished[i]!] = i;
      }
    }
    from = end;
  }
}
