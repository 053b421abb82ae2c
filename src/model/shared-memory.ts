// Typed arrays in shared memory, for the columns a worker thread reads: the compiled graph's
// requirements, the ranked graph's and the services' odds, which the availability worker and
// the sweep's threads receive. Posted to a worker, an ordinary array is copied twice (serialized
// on this thread, which grows a buffer for it, and read back into new memory on the other):
// ~0.1 s of this thread and 0.06 s of the worker at 100,000 services. A shared one is handed
// over as it is. Reading and writing one is as fast as an ordinary array.

// The report's page script compiles graphs too, in a browser page that is not cross-origin
// isolated, where there is no SharedArrayBuffer: there, ordinary memory.
const SHARED = typeof SharedArrayBuffer === 'function';
const Memory: new (bytes: number) => ArrayBufferLike = SHARED ? SharedArrayBuffer : ArrayBuffer;

export function sharedInt32Array(length: number): Int32Array {
  return new Int32Array(new Memory(4 * length));
}

export function sharedUint8Array(length: number): Uint8Array {
  return new Uint8Array(new Memory(length));
}

export function sharedFloat64Array(length: number): Float64Array {
  return new Float64Array(new Memory(8 * length));
}

/** Whether `array` is in shared memory already (a worker can be handed it as it is). */
export function isShared(array: ArrayBufferView): boolean {
  return SHARED && array.buffer instanceof SharedArrayBuffer;
}
