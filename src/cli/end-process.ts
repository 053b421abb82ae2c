// Ending the process once a command is done: when everything written to standard output and
// standard error has left the process, exit with the command's code at once, instead of letting
// Node take apart a heap of several hundred MiB that the operating system frees anyway.

/** What ending needs of a stream: its unwritten bytes, and a write that calls back in order. */
export interface FlushableStream {
  writableLength: number;
  destroyed: boolean;
  write(chunk: string, callback: (error?: Error | null) => void): unknown;
}

/**
 * Waits until `stream` has handed every byte written to it to the operating system (a pipe may
 * hold back what its reader has not taken yet); a stream that broke or closed has nothing left.
 */
export function flushed(stream: FlushableStream): Promise<void> {
  if (stream.destroyed || stream.writableLength === 0) return Promise.resolve();
  // Writes complete in order: the callback of an empty write comes after all the others'.
  return new Promise((resolve) => stream.write('', () => resolve()));
}

/**
 * Calls `exit` with `code` once every one of `streams` is flushed. The caller (the bin, outside
 * src/) passes `process.exit`: commands themselves only return their code.
 */
export async function endProcess(
  code: number,
  streams: readonly FlushableStream[],
  exit: (code: number) => void,
): Promise<void> {
  await Promise.all(streams.map(flushed));
  exit(code);
}
