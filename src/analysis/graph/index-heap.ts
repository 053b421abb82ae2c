// A binary min-heap of distinct small integers (ranks) in a typed array, with a membership flag
// so that an index already waiting is not pushed twice: the worklist of the outage sweep, which
// settles services in topological rank order.

export class IndexHeap {
  private readonly heap: Int32Array;
  private readonly waiting: Uint8Array;
  private length = 0;

  /** For indices 0 .. capacity-1. */
  constructor(capacity: number) {
    this.heap = new Int32Array(capacity);
    this.waiting = new Uint8Array(capacity);
  }

  get size(): number {
    return this.length;
  }

  /** Adds `index` unless it is already waiting. */
  push(index: number): void {
    if (this.waiting[index]) return;
    this.waiting[index] = 1;
    const { heap } = this;
    let i = this.length++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const above = heap[parent]!;
      if (above <= index) break;
      heap[i] = above;
      i = parent;
    }
    heap[i] = index;
  }

  /** Removes and returns the smallest index; the heap must not be empty. */
  pop(): number {
    const { heap } = this;
    const top = heap[0]!;
    this.waiting[top] = 0;
    const last = heap[--this.length]!;
    const length = this.length;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= length) break;
      if (child + 1 < length && heap[child + 1]! < heap[child]!) child++;
      if (heap[child]! >= last) break;
      heap[i] = heap[child]!;
      i = child;
    }
    if (length > 0) heap[i] = last;
    return top;
  }
}
