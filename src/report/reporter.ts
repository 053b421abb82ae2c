// What every reporter is: a pure function from one command's result to text. The registry maps
// formats to reporters; reporters import these types from here, never from the registry.

export interface RenderOptions {
  color: boolean;
  /** How many rows the bounded listings show (text and markdown). */
  top: number;
}

/**
 * A rendering: one string, or chunks of it (for results too large for one string), each text
 * or that text's UTF-8 bytes.
 */
export type Rendered = string | Chunks;

/**
 * Chunks as a reporter hands them out. A consumer that has written a chunk's bytes out and keeps
 * nothing of them may pass `true` to `next()` as it asks for the following chunk: the reporter
 * may then write into the same memory again, so a large output does not leave one new buffer
 * per chunk behind for the collector. `for…of` passes nothing: chunks that are kept (joined,
 * collected) stay as they were handed out.
 */
export type Chunks = Iterable<Chunk, unknown, boolean | undefined>;

/** A piece of a rendering: text, or its UTF-8 bytes (never a character split between two). */
export type Chunk = string | Uint8Array;

export type Reporter<T> = (result: T, options: RenderOptions) => Rendered;
