// Times each phase of `analyze` in one process on one manifest, to show where the time goes,
// and with --scale how each phase grows with the number of services (needs `npm run build`):
//   node bench/phases.mjs FILE [--json] [--heap-at PHASE]
//   node bench/phases.mjs --scale [--shapes B,R,I] [--sizes 100k,200k,400k] [--dir DIR] [--live]
// One manifest: loading, compiling, each phase analyze reports through its onPhase clock, and
// the JSON rendering (counted, not written), with wall and CPU seconds (process.cpuUsage), the
// garbage collector's milliseconds inside each phase, and the heap in use after it; run under
// `node --expose-gc` the heap is collected first, so that figure is what the phase leaves alive.
// The analysis runs on one thread unless BLAST_RADIUS_THREADS says more: with 2, availability
// runs on a worker (started before loading, as the CLI does) from "availability: start" on,
// alongside the phases that follow, and its own phase is then the main thread's wait for it. CPU seconds count every thread; the main
// thread's CPU seconds (Linux) are the critical path's. --scale runs every shape × size in a fresh child process, one after another,
// generating missing manifests into DIR (default $TMPDIR/blast-radius-scale) as SHAPE-N.json,
// and prints each phase's CPU seconds per size with its growth exponent: the slope of log CPU
// time against log services between neighbouring sizes and, least squares, over all of them
// (1 is linear, 2 quadratic). --heap-at PHASE samples allocations (V8's sampling heap profiler)
// from the start until PHASE ends and prints the 30 functions whose allocations are still alive
// then, by bytes: what holds the heap at that point.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance, PerformanceObserver } from 'node:perf_hooks';
import process from 'node:process';
import { setTimeout } from 'node:timers';
import { fileURLToPath } from 'node:url';
import { parseCount, SHAPES } from './generate.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = `usage: node bench/phases.mjs FILE [--json] [--heap-at PHASE]
       node bench/phases.mjs --scale [--shapes B,R,I] [--sizes 100k,200k,400k] [--dir DIR] [--live]`;

const cpuSeconds = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};
const mib = (bytes) => bytes / 2 ** 20;
/**
 * CPU seconds of the main thread alone (Linux: /proc/self/task/PID/stat, in clock ticks of
 * 1/100 s), NaN elsewhere: with threads, the critical path, where process.cpuUsage counts all.
 */
const mainThreadCpuSeconds = () => {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
};

/** The phases of one manifest: [{ phase, wall, cpu, gc, heap }], seconds and MiB. */
async function measure(file, heapAt) {
  const { loadManifest } = await import('../dist/manifest/load.js');
  const { compileGraph } = await import('../dist/model/compiled-graph.js');
  const { analyze } = await import('../dist/analysis/analyze.js');
  const { jsonChunks } = await import('../dist/report/shared/json.js');
  const collect = typeof globalThis.gc === 'function' ? globalThis.gc : null;

  const gcPauses = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gcPauses.push([entry.startTime, entry.duration]);
  });
  observer.observe({ entryTypes: ['gc'] });

  const sampler = heapAt === undefined ? null : await heapSampler();
  let heapReport = null;
  const rows = [];
  let open = null;
  const close = () => {
    if (open === null) return;
    if (sampler && open.phase === heapAt) heapReport = sampler.stop();
    const wall = (performance.now() - open.wall) / 1000;
    const cpu = cpuSeconds() - open.cpu;
    const mainCpu = mainThreadCpuSeconds() - open.mainCpu;
    const row = { phase: open.phase, wall, cpu, mainCpu, from: open.wall, to: performance.now() };
    collect?.();
    row.heap = mib(process.memoryUsage().heapUsed);
    rows.push(row);
    open = null;
  };
  const begin = (phase) => {
    close();
    if (phase !== null)
      open = { phase, wall: performance.now(), cpu: cpuSeconds(), mainCpu: mainThreadCpuSeconds() };
  };

  const threads = { count: Number(process.env.BLAST_RADIUS_THREADS ?? '1') };
  // As the CLI does: on two threads the availability worker starts before the manifest is read.
  const { AvailabilityWorker } =
    await import('../dist/analysis/reliability/thread/availability-worker-start.js');
  const early = threads.count > 1 ? AvailabilityWorker.start() : undefined;
  begin('load manifest (read, parse, validate)');
  const manifest = await loadManifest(file);
  begin('compile to typed arrays');
  const graph = compileGraph(manifest);
  const worker = early ? { availabilityWorker: early } : {};
  const result = analyze(graph, manifest.name ?? null, { threads, ...worker, onPhase: begin });
  // Given work, the worker ends once its answer is read: the render may wait for it there.
  early?.endIfIdle();
  begin('render JSON');
  let bytes = 0;
  // Each chunk given back once counted (next(true)), as the CLI does once it has written one.
  const chunks = jsonChunks(result);
  for (let next = chunks.next(); !next.done; next = chunks.next(true)) bytes += next.value.length;
  begin(null);

  await new Promise((resolve) => setTimeout(resolve, 50)); // the last gc entries
  observer.disconnect();
  for (const row of rows) {
    let gc = 0;
    for (const [start, duration] of gcPauses)
      if (start >= row.from && start < row.to) gc += duration;
    row.gc = gc / 1000;
    delete row.from;
    delete row.to;
  }
  return {
    file,
    services: graph.n,
    edges: graph.alts.length,
    outputMiB: mib(bytes),
    peakMiB: process.resourceUsage().maxRSS / 1024,
    live: collect !== null,
    rows,
    heapReport: heapReport === null ? null : await heapReport,
  };
}

/** V8's sampling heap profiler over an inspector session: start now, stop() → live bytes by function. */
async function heapSampler() {
  const { Session } = await import('node:inspector');
  const session = new Session();
  session.connect();
  const post = (method, params = {}) =>
    new Promise((resolve, reject) =>
      session.post(method, params, (error, value) => (error ? reject(error) : resolve(value))),
    );
  await post('HeapProfiler.enable');
  await post('HeapProfiler.startSampling', { samplingInterval: 1 << 16 });
  return {
    // Stopped synchronously where the phase ends (session.post calls back at once), read later.
    stop: () => {
      let taken;
      session.post('HeapProfiler.stopSampling', (error, value) => {
        taken = error ?? value;
      });
      return Promise.resolve().then(() => {
        if (taken instanceof Error || taken === undefined) throw taken ?? new Error('no profile');
        session.disconnect();
        return liveBytesByFunction(taken.profile.head);
      });
    },
  };
}

/** Bytes by the allocating function; a built-in (push, slice) is named with its caller. */
function liveBytesByFunction(head) {
  const bytes = new Map();
  const stack = [[head, '(root)']];
  while (stack.length > 0) {
    const [node, caller] = stack.pop();
    const { functionName, url, lineNumber } = node.callFrame;
    const where = url.replace(/^.*\/(dist|node_modules)\//, '');
    const own = `${functionName || '(anonymous)'} ${where}:${lineNumber + 1}`;
    const name = url === '' ? `${functionName || '(anonymous)'} in ${caller}` : own;
    if (node.selfSize > 0) bytes.set(name, (bytes.get(name) ?? 0) + node.selfSize);
    for (const child of node.children) stack.push([child, url === '' ? caller : own]);
  }
  return [...bytes].sort((a, b) => b[1] - a[1]).slice(0, 30);
}

function printOne(run) {
  const heap = run.live ? 'live heap after, MiB' : 'heap in use after, MiB';
  const out = [
    `| phase | wall s | CPU s | main thread CPU s | of which GC s | ${heap} |`,
    '|---|---:|---:|---:|---:|---:|',
  ];
  let wall = 0;
  let cpu = 0;
  let mainCpu = 0;
  let gc = 0;
  for (const row of run.rows) {
    out.push(
      `| ${row.phase} | ${row.wall.toFixed(3)} | ${row.cpu.toFixed(3)} | ${row.mainCpu.toFixed(2)} | ${row.gc.toFixed(3)} | ${row.heap.toFixed(0)} |`,
    );
    wall += row.wall;
    cpu += row.cpu;
    mainCpu += row.mainCpu;
    gc += row.gc;
  }
  out.push(
    `| all | ${wall.toFixed(3)} | ${cpu.toFixed(3)} | ${mainCpu.toFixed(2)} | ${gc.toFixed(3)} | |`,
  );
  if (run.heapReport) {
    out.push(
      '',
      '| live at the end of the sampled phase, by allocating function | MiB |',
      '|---|---:|',
    );
    for (const [name, bytes] of run.heapReport) out.push(`| ${name} | ${mib(bytes).toFixed(1)} |`);
  }
  out.push(
    '',
    `${run.services} services, ${run.edges} edges; JSON result ${run.outputMiB.toFixed(1)} MiB; peak RSS ${run.peakMiB.toFixed(0)} MiB`,
  );
  process.stdout.write(`${out.join('\n')}\n`);
}

/** Least-squares slope of log y against log x. */
function exponent(xs, ys) {
  const points = xs
    .map((x, i) => [Math.log(x), Math.log(ys[i])])
    .filter(([, y]) => Number.isFinite(y));
  if (points.length < 2) return NaN;
  const mx = points.reduce((s, [x]) => s + x, 0) / points.length;
  const my = points.reduce((s, [, y]) => s + y, 0) / points.length;
  let num = 0;
  let den = 0;
  for (const [x, y] of points) {
    num += (x - mx) * (y - my);
    den += (x - mx) ** 2;
  }
  return num / den;
}

function scaleArgs(argv) {
  const options = {
    shapes: SHAPES,
    sizes: [100_000, 200_000, 400_000],
    dir: join(tmpdir(), 'blast-radius-scale'),
    live: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${arg} needs a value\n${USAGE}`);
      return argv[++i];
    };
    if (arg === '--shapes') options.shapes = value().toUpperCase().split(',').filter(Boolean);
    else if (arg === '--sizes') options.sizes = value().split(',').filter(Boolean).map(parseCount);
    else if (arg === '--dir') options.dir = value();
    else if (arg === '--live') options.live = true;
    else throw new Error(`unknown option ${arg}\n${USAGE}`);
  }
  for (const shape of options.shapes)
    if (!SHAPES.includes(shape)) throw new Error(`unknown shape ${shape}\n${USAGE}`);
  options.sizes.sort((a, b) => a - b);
  return options;
}

function scale(argv) {
  const options = scaleArgs(argv);
  mkdirSync(options.dir, { recursive: true });
  const here = fileURLToPath(import.meta.url);
  for (const shape of options.shapes) {
    const runs = [];
    for (const n of options.sizes) {
      const file = join(options.dir, `${shape}-${n}.json`);
      if (!existsSync(file)) {
        const made = spawnSync(
          process.execPath,
          [join(ROOT, 'bench', 'generate.mjs'), '--shape', shape, '--services', String(n)].concat([
            '--seed',
            '1',
            '--format',
            'json',
            '--out',
            file,
          ]),
          { stdio: ['ignore', 'ignore', 'inherit'] },
        );
        if (made.status !== 0) throw new Error(`generating ${file} failed`);
      }
      const child = spawnSync(
        process.execPath,
        [...(options.live ? ['--expose-gc'] : []), here, file, '--json'],
        { encoding: 'utf8', maxBuffer: 1 << 24, stdio: ['ignore', 'pipe', 'inherit'] },
      );
      if (child.status !== 0) throw new Error(`measuring ${file} failed`);
      const run = JSON.parse(child.stdout);
      runs.push(run);
      process.stderr.write(
        `${shape} ${n}: ${run.rows.reduce((s, r) => s + r.cpu, 0).toFixed(1)} CPU s, peak ${run.peakMiB.toFixed(0)} MiB\n`,
      );
    }
    printScale(shape, runs);
  }
}

function printScale(shape, runs) {
  const sizes = runs.map((r) => r.services);
  const names = runs[0].rows.map((r) => r.phase);
  const k = (n) => (n >= 1_000_000 ? `${n / 1_000_000}M` : `${n / 1000}k`);
  const steps = sizes.slice(1).map((n, i) => `${k(sizes[i])}→${k(n)}`);
  const head = [
    `phase (${shape})`,
    ...sizes.map((n) => `${k(n)} CPU s`),
    ...steps.map((s) => `exp ${s}`),
    'exp fit',
  ];
  const out = [
    `| ${head.join(' | ')} |`,
    `|---|${head
      .slice(1)
      .map(() => '---:')
      .join('|')}|`,
  ];
  const line = (name, cpus) => {
    const pairs = cpus.slice(1).map((c, i) => exponent([sizes[i], sizes[i + 1]], [cpus[i], c]));
    const cells = [
      ...cpus.map((c) => c.toFixed(2)),
      ...pairs.map((e) => (Number.isFinite(e) ? e.toFixed(2) : '–')),
      Number.isFinite(exponent(sizes, cpus)) ? exponent(sizes, cpus).toFixed(2) : '–',
    ];
    out.push(`| ${name} | ${cells.join(' | ')} |`);
  };
  for (const name of names)
    line(
      name,
      runs.map((r) => r.rows.find((x) => x.phase === name)?.cpu ?? NaN),
    );
  line(
    '**all**',
    runs.map((r) => r.rows.reduce((s, x) => s + x.cpu, 0)),
  );
  line(
    'of which GC',
    runs.map((r) => r.rows.reduce((s, x) => s + x.gc, 0)),
  );
  line(
    'peak RSS (MiB, not s)',
    runs.map((r) => r.peakMiB),
  );
  process.stdout.write(`\n${out.join('\n')}\n`);
}

const argv = process.argv.slice(2);
try {
  if (argv[0] === '--scale') scale(argv.slice(1));
  else if (argv.length === 0 || argv[0].startsWith('-')) throw new Error(USAGE);
  else {
    const at = argv.indexOf('--heap-at');
    const run = await measure(argv[0], at === -1 ? undefined : argv[at + 1]);
    if (argv.includes('--json')) process.stdout.write(`${JSON.stringify(run)}\n`);
    else printOne(run);
  }
} catch (error) {
  process.stderr.write(`${error.message}\n`);
  process.exitCode = 2;
}
