// Files of the package that the code reads at run time, found from this module's URL. It sits
// at the top of src/ and is built to the top of dist/ (dist/package-files.js), where the command
// line's bundle is written too (dist/blast-radius.js, scripts/build-cli.mjs): these URLs hold
// from the sources (the tests), from tsc's modules and from the bundle alike.

/** The package's own package.json (its version). */
export const PACKAGE_JSON = new URL('../package.json', import.meta.url);

/** The report page's script, bundled by `npm run build` (scripts/build-page.mjs). */
export const PAGE_SCRIPT = new URL('../dist/report-page.js', import.meta.url);
