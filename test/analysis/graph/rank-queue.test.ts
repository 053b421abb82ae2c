import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RankQueue } from '../../../src/analysis/graph/rank-queue.js';

describe('rank queue', () => {
  it('hands out the smallest waiting index, each once, however pushes and pops interleave', () => {
    // Capacities past 32 · 32 · 32 so that every level of summaries has more than one word.
    const capacity = fc.integer({ min: 1, max: 40_000 });
    const steps = capacity.chain((n) =>
      fc.tuple(
        fc.constant(n),
        fc.array(fc.oneof(fc.nat({ max: n - 1 }), fc.constant(-1)), { maxLength: 300 }),
      ),
    );
    fc.assert(
      fc.property(steps, ([n, script]) => {
        const queue = new RankQueue(n);
        const waiting = new Set<number>();
        for (const step of script) {
          if (step >= 0) {
            queue.push(step);
            waiting.add(step);
          } else if (waiting.size > 0) {
            const smallest = Math.min(...waiting);
            expect(queue.pop()).toBe(smallest);
            waiting.delete(smallest);
          }
          expect(queue.size).toBe(waiting.size);
        }
        const rest: number[] = [];
        while (queue.size > 0) rest.push(queue.pop());
        expect(rest).toEqual([...waiting].sort((a, b) => a - b));
      }),
      { numRuns: 400 },
    );
  });

  it('pops in order around word and summary boundaries', () => {
    const queue = new RankQueue(70_000);
    const pushed = [69_999, 0, 31, 32, 1023, 1024, 32_767, 32_768, 65_536, 5];
    for (const index of pushed) queue.push(index);
    queue.push(1024);
    const popped: number[] = [];
    while (queue.size > 0) popped.push(queue.pop());
    expect(popped).toEqual([...pushed].sort((a, b) => a - b));
  });
});
