// Sorts service indices by an integer key in linear time (least-significant-digit radix sort,
// 11 bits a pass): the sweeps sort up to a million services by topological rank many times.

/** A new array of `items` ordered by key[item] ascending, stable; keys are in 0..limit-1. */
export function sortByKey(items: Int32Array, key: Int32Array, limit: number): Int32Array {
  let source = Int32Array.from(items);
  let target = new Int32Array(items.length);
  const counts = new Int32Array(2049);
  for (let shift = 0; (limit - 1) >>> shift > 0 || shift === 0; shift += 11) {
    counts.fill(0);
    for (let i = 0; i < source.length; i++) counts[((key[source[i]!]! >>> shift) & 2047) + 1]!++;
    for (let d = 1; d < 2049; d++) counts[d]! += counts[d - 1]!;
    for (let i = 0; i < source.length; i++)
      target[counts[(key[source[i]!]! >>> shift) & 2047]!++] = source[i]!;
    [source, target] = [target, source];
    if (shift >= 22) break;
  }
  return source;
}

/** A new array of the values in `items` (each in 0..limit-1), ascending. */
export function sortValues(items: Int32Array, limit: number): Int32Array {
  let source = Int32Array.from(items);
  let target = new Int32Array(items.length);
  const counts = new Int32Array(2049);
  // `>>>` takes its shift modulo 32: stop before 33 bits, which no index needs.
  for (let shift = 0; shift === 0 || (shift < 32 && (limit - 1) >>> shift > 0); shift += 11) {
    counts.fill(0);
    for (let i = 0; i < source.length; i++) counts[((source[i]! >>> shift) & 2047) + 1]!++;
    for (let d = 1; d < 2049; d++) counts[d]! += counts[d - 1]!;
    for (let i = 0; i < source.length; i++)
      target[counts[(source[i]! >>> shift) & 2047]!++] = source[i]!;
    [source, target] = [target, source];
  }
  return source;
}
