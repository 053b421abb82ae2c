// Hard limits on manifest input, so that hostile or accidental input fails fast with a clear
// error instead of exhausting memory, the stack, or the user's patience.

const MIB = 1024 * 1024;

/**
 * Largest manifest file read, in bytes; checked with fstat before reading. V8 strings stop at
 * ~537 million characters (512 MiB less 24 bytes), so a file must stay below that to be read
 * as one string; a million services written as JSON take ~280 MiB.
 */
export const MAX_FILE_BYTES = 500 * MIB;

/**
 * Largest YAML manifest file, in bytes. The yaml parser needs ~60 µs and a few kB of heap per
 * service (measured in BENCHMARKS.md), so 64 MiB of YAML is about a minute; JSON is read
 * ~30× faster.
 */
export const MAX_YAML_FILE_BYTES = 64 * MIB;

/**
 * Nodes that YAML aliases may add to one file by expansion. Sharing a dependency list with
 * `&`/`*` among thousands of services stays below; an alias bomb (`*a` nine times, nine levels
 * deep: 387 million nodes) reaches it in about a tenth of a second.
 */
export const MAX_ALIAS_EXPANSION_NODES = 200_000;

/** Service ids: 1 to 200 characters. */
export const MAX_ID_LENGTH = 200;

/** Free-text labels (name, kind, owner, provider, region, zone, tags) end up in reports. */
export const MAX_LABEL_LENGTH = 200;

/** Files one manifest may read, the top-level one included. */
export const MAX_FILES = 10_000;

/** Directory entries one include pattern may visit; a `**` walk is cut off beyond it. */
export const MAX_GLOB_ENTRIES = 200_000;

/** Edit-distance matrix cells spent on "did you mean" for one load; later errors go without. */
export const MAX_SUGGESTION_CELLS = 20_000_000;

/** Longest id or key shown in an error message; longer ones are cut with their length noted. */
export const MAX_QUOTED_LENGTH = 80;
