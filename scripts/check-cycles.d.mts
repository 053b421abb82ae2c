export function importGraph(
  files: readonly string[],
  read?: (file: string) => string,
): Map<string, string[]>;
export function importCycles(graph: Map<string, string[]>): string[][];
