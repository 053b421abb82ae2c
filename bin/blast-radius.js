#!/usr/bin/env node
import module from 'node:module';

// Node 22.1 and later keep V8's compiled code between runs, so the modules load faster the next
// time; Node 20 has no such cache, and the call is skipped.
try {
  module.enableCompileCache?.();
} catch {
  // A cache that cannot be set up only costs speed.
}
// The command line as `npm run build` bundles it (scripts/build-cli.mjs): one file whose
// commands load from chunks beside it as they run.
const { endProcess, main } = await import('../dist/blast-radius.js');

const code = await main(process.argv.slice(2));
// Once the output has left the process, end it with the command's code at once.
await endProcess(code, [process.stdout, process.stderr], (status) => process.exit(status));
