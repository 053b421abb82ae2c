// Types for scripts/test-ledger.mjs, for the tests that import it.

export function lostLine(file: string): string;
