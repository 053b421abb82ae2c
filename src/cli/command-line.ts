// What bin/blast-radius.js runs, as one module: the command line and how the process ends. The
// build bundles it with everything it loads into dist/blast-radius.js (scripts/build-cli.mjs).

export { endProcess } from './end-process.js';
export { main } from './main.js';
