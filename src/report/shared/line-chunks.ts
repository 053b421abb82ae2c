// A line-based report in chunks: the same text as its lines joined by line breaks, produced a
// few tens of kilobytes at a time, so that a report of a million findings never has to be one
// string (V8 cannot hold a string of more than about 512 MiB).

const CHUNK = 1 << 16;

/** `lines.join('\n') + end`, in chunks of about 64 KiB; lines are read as they come. */
export function* lineChunks(lines: Iterable<string>, end = '\n'): Generator<string> {
  let batch: string[] = [];
  let size = 0;
  // A chunk after the first starts with the line break its predecessor left off.
  let lead = '';
  for (const line of lines) {
    batch.push(line);
    size += line.length + 1;
    if (size >= CHUNK) {
      yield lead + batch.join('\n');
      lead = '\n';
      batch = [];
      size = 0;
    }
  }
  yield batch.length === 0 ? end : lead + batch.join('\n') + end;
}

/**
 * The lines of blocks set apart by one blank line, empty blocks left out: joined, the same text
 * as each block's lines joined and the blocks joined by a blank line.
 */
export function* blockLines(blocks: Iterable<readonly string[]>): Generator<string> {
  let first = true;
  for (const block of blocks) {
    if (block.length === 0) continue;
    if (!first) yield '';
    first = false;
    yield* block;
  }
}
