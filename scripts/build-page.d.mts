// Types for scripts/build-page.mjs, so TypeScript tests can import it.

/** Where `npm run build` puts the page bundle: dist/report-page.js at the package root. */
export const PAGE_BUNDLE: string;
/** Bundles src/report/review/page/main.ts into one minified IIFE at `outfile`; returns its path. */
export function buildPage(outfile?: string): Promise<string>;
