// Builds dist/ (tsc's modules and the command line's bundle) once before the tests, so the
// subprocess tests run the code under test and not a stale build. BLAST_RADIUS_SKIP_BUILD=1
// skips it, for a quick run of tests that do not spawn the built CLI while other code is mid-edit.

import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  if (process.env['BLAST_RADIUS_SKIP_BUILD'] === '1') return;
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  execFileSync(
    process.execPath,
    [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  // The bin runs the command line's bundle (dist/blast-radius.js), made from the same sources.
  execFileSync(process.execPath, [path.join(root, 'scripts/build-cli.mjs')], {
    cwd: root,
    stdio: 'inherit',
  });
}
