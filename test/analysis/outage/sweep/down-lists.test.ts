// The per-failure lists built a chunk at a time hold what a list per failure grown by pushes
// and sorted afterwards holds, wherever the flushes fall, and the chunk observer they wrap is
// still told everything, after the flush.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DownLists } from '../../../../src/analysis/outage/sweep/down-lists.js';
import type { ChunkObserver } from '../../../../src/analysis/outage/sweep/sweep-observer.js';

const N = 12;

/** Pairs (failure, service), and after which of them a flush comes. */
const told = fc.array(
  fc.record({
    x: fc.integer({ min: 0, max: N - 1 }),
    v: fc.integer({ min: 0, max: N - 1 }),
    flush: fc.boolean(),
  }),
  { maxLength: 80 },
);

describe('lists of what each failure takes down', () => {
  it('equal a list per failure pushed to and sorted, wherever the flushes fall', () => {
    fc.assert(
      fc.property(told, (pairs) => {
        const lists = new DownLists(N);
        const expected: Array<number[] | undefined> = new Array(N);
        for (const { x, v, flush } of pairs) {
          lists.add(x, v);
          (expected[x] ??= []).push(v);
          if (flush) lists.flush();
        }
        lists.flush();
        for (const list of expected) list?.sort((a, b) => a - b);
        for (let x = 0; x < N; x++) expect(lists.lists[x]).toEqual(expected[x]);
      }),
      { numRuns: 300 },
    );
  });

  it('flush before the chunk observer they wrap is told, which is told everything', () => {
    const lists = new DownLists(4);
    const reads = Uint8Array.of(1, 0, 1, 0);
    const heard: Array<number[] | undefined>[] = [];
    const inner: ChunkObserver = {
      reads,
      seen: (chunk) => {
        heard.push([...lists.lists]);
        expect([...chunk]).toEqual([3]);
      },
    };
    const observer = lists.flushingBefore(inner, 4);
    expect(observer.reads).toBe(reads);
    lists.add(3, 2);
    lists.add(3, 0);
    const masks = { plan: undefined as never, masks: new Int32Array(0), word: 0 };
    observer.seen(Int32Array.of(3), 1, new Int32Array(0), () => 0, masks);
    expect(heard).toEqual([[undefined, undefined, undefined, [0, 2]]]);
    expect(lists.flushingBefore(undefined, 4).reads).toEqual(new Uint8Array(4));
  });
});
