// The first few items of a long list in a given order, without sorting all of it: the bounded
// listings of the text and Markdown reports show --top rows of 100,000. A max-heap keeps the
// `count` first seen so far, so the cost is n·log(count) instead of n·log(n); ties keep the
// order of the list, as a stable sort would.

export function firstInOrder<T>(
  items: readonly T[],
  count: number,
  compare: (a: T, b: T) => number,
): T[] {
  const k = Math.min(Math.max(count, 0), items.length);
  // By position: equal items come out in the order they came in.
  const before = (i: number, j: number) => compare(items[i]!, items[j]!) || i - j;
  const heap: number[] = []; // heap[0] is the last of the first k seen so far
  for (let i = 0; i < items.length; i++) {
    if (heap.length < k) {
      heap.push(i);
      siftUp(heap, heap.length - 1, before);
    } else if (k > 0 && before(i, heap[0]!) < 0) {
      heap[0] = i;
      siftDown(heap, before);
    }
  }
  return heap.sort(before).map((i) => items[i]!);
}

function siftUp(heap: number[], at: number, before: (i: number, j: number) => number): void {
  let child = at;
  while (child > 0) {
    const parent = (child - 1) >> 1;
    if (before(heap[parent]!, heap[child]!) >= 0) return;
    [heap[parent], heap[child]] = [heap[child]!, heap[parent]!];
    child = parent;
  }
}

function siftDown(heap: number[], before: (i: number, j: number) => number): void {
  let parent = 0;
  for (;;) {
    let last = parent;
    for (const child of [2 * parent + 1, 2 * parent + 2]) {
      if (child < heap.length && before(heap[child]!, heap[last]!) > 0) last = child;
    }
    if (last === parent) return;
    [heap[parent], heap[last]] = [heap[last]!, heap[parent]!];
    parent = last;
  }
}
