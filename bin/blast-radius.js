#!/usr/bin/env node
import module from 'node:module';

// Node 22.1 and later keep V8's compiled code between runs, so the modules load faster the next
// time; Node 20 has no such cache, and the call is skipped.
try {
  module.enableCompileCache?.();
} catch {
  // A cache that cannot be set up only costs speed.
}
const args = process.argv.slice(2);
// A large input runs in a child process whose allocator uses huge pages (see relaunch.ts).
const { relaunchForLargeInput } = await import('../dist/cli/relaunch.js');
const relaunched = await relaunchForLargeInput(args);
if (relaunched !== undefined) process.exit(relaunched);

const { endProcess } = await import('../dist/cli/end-process.js');
const { main } = await import('../dist/cli/main.js');

const code = await main(args);
// Once the output has left the process, end it with the command's code at once.
await endProcess(code, [process.stdout, process.stderr], (status) => process.exit(status));
