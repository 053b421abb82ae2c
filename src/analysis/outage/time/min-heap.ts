// A binary min-heap of (moment, service) pairs, ordered by moment and then first in, first out:
// with every moment equal it is a queue, so label setting visits services in breadth-first order.
// Duplicates are allowed: callers skip stale pairs.

export class MinHeap {
  private keys: number[] = [];
  private values: number[] = [];
  private arrivals: number[] = [];
  private arrived = 0;

  get size(): number {
    return this.keys.length;
  }

  push(key: number, value: number): void {
    const { keys, values } = this;
    let i = keys.length;
    keys.push(key);
    values.push(value);
    this.arrivals.push(this.arrived++);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  /** The smallest pair; the heap must not be empty. */
  pop(): [number, number] {
    const { keys, values, arrivals } = this;
    const top: [number, number] = [keys[0]!, values[0]!];
    const lastKey = keys.pop()!;
    const lastValue = values.pop()!;
    const lastArrival = arrivals.pop()!;
    if (keys.length === 0) return top;
    keys[0] = lastKey;
    values[0] = lastValue;
    arrivals[0] = lastArrival;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= keys.length) break;
      const right = left + 1;
      const child = right < keys.length && this.less(right, left) ? right : left;
      if (!this.less(child, i)) break;
      this.swap(child, i);
      i = child;
    }
    return top;
  }

  private less(a: number, b: number): boolean {
    const { keys, arrivals } = this;
    return keys[a]! < keys[b]! || (keys[a] === keys[b] && arrivals[a]! < arrivals[b]!);
  }

  private swap(a: number, b: number): void {
    const { keys, values, arrivals } = this;
    [keys[a], keys[b]] = [keys[b]!, keys[a]!];
    [values[a], values[b]] = [values[b]!, values[a]!];
    [arrivals[a], arrivals[b]] = [arrivals[b]!, arrivals[a]!];
  }
}
