// A worker thread's side of `diff`: loads, compiles and analyses one manifest file and sends
// back what the comparison reads (its typed arrays moved, not copied), or the error its
// manifest gave, as a message the main thread turns back into the same error. A worker that
// fails otherwise (cannot load, runs out of memory) ends without an answer.

import { parentPort, workerData } from 'node:worker_threads';
import { analyze } from '../../analysis/analyze.js';
import { sideMessage } from '../../analysis/diff/compared-side.js';
import { loadManifest } from '../../manifest/load.js';
import { analysedSide, sentError, type SideAnswer, type SideRequest } from './diff-sides.js';

const request = workerData as SideRequest;
let answer: { message: SideAnswer; transfer: ArrayBuffer[] };
try {
  const manifest = await loadManifest(request.file, { cwd: request.cwd });
  const side = analysedSide(request.file, manifest, (graph, name) =>
    analyze(graph, name, { threads: { count: request.sweepThreads }, availability: false }),
  );
  const { message, transfer } = sideMessage(side);
  answer = { message: { side: message }, transfer };
} catch (error) {
  answer = { message: { error: sentError(error) }, transfer: [] };
}
parentPort!.postMessage(answer.message, answer.transfer);
