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
export type Rendered = string | Iterable<Chunk>;

/** A piece of a rendering: text, or its UTF-8 bytes (never a character split between two). */
export type Chunk = string | Uint8Array;

export type Reporter<T> = (result: T, options: RenderOptions) => Rendered;
