#!/usr/bin/env node
// `npm run bench`: generates synthetic manifests (bench/generate.mjs) of several sizes and graph
// shapes (B layered, R deep random, I internet map) as YAML and JSON into bench/out/, then times,
// each in its own child process, parsing only, `validate`, `analyze --format json`, `check`,
// `simulate` of one failure, `diff` against a slightly edited copy, and networkx on the same
// graph (with python-igraph beside it where that is installed too); prints a Markdown table for
// BENCHMARKS.md (or raw numbers with --json). Wall time is measured here; peak memory comes from
// /usr/bin/time -v, or from process.resourceUsage() in a preloaded module when that is missing.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, release, totalmem, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { clearTimeout, setTimeout } from 'node:timers';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseCount, SHAPES } from './generate.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'bench', 'out');
const CLI = join(ROOT, 'bin', 'blast-radius.js');
const TIME = '/usr/bin/time';
const LARGE = 100_000;

const USAGE = `usage: node bench/run.mjs [options]
  --sizes LIST     comma-separated service counts (default 1k,10k,100k; k and m suffixes)
  --shapes LIST    graph shapes B,R,I (default all: B layered, R deep random, I internet map)
  --full           add 1m to the sizes
  --formats LIST   yaml,json (default both)
  --steps LIST     parse,validate,analyze,check,simulate,diff,networkx,pairs,availability
                   (default all; simulate and diff on the JSON manifests only; pairs:
                   bench/pairs.mjs, analyze --order 2 on the sizes up to 10k; availability:
                   bench/availability.mjs, availability and importance, wall and CPU s)
  --runs N         runs per measurement, median reported (default 3 below 100k, 1 from 100k)
  --seed S         generator seed (default 1)
  --reuse          reuse generated files already in bench/out/
  --timeout SEC    per-command time limit (default 1800)
  --no-time        measure peak memory without /usr/bin/time
  --json           print raw numbers as JSON instead of Markdown`;

const STEPS = [
  'parse',
  'validate',
  'analyze',
  'check',
  'simulate',
  'diff',
  'networkx',
  'pairs',
  'availability',
];

/** The commands timed on every manifest, and the exit codes that count as a successful run. */
const COMMANDS = ['validate', 'analyze', 'check', 'simulate', 'diff'];
const GATE_FAILED = 1; // check, diff --fail-on: a finding is an answer, not an error

function parseArgs(argv) {
  const options = {
    sizes: [1_000, 10_000, 100_000],
    shapes: SHAPES,
    formats: ['yaml', 'json'],
    steps: STEPS,
    runs: null,
    seed: '1',
    reuse: false,
    timeout: 1800,
    useTime: true,
    json: false,
  };
  let full = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${arg} needs a value`);
      return argv[++i];
    };
    const list = () => value().split(',').filter(Boolean);
    if (arg === '--sizes') options.sizes = list().map(parseSize);
    else if (arg === '--shapes') options.shapes = checked(list().map(upper), SHAPES, arg);
    else if (arg === '--full') full = true;
    else if (arg === '--formats') options.formats = checked(list(), ['yaml', 'json'], arg);
    else if (arg === '--steps') options.steps = checked(list(), STEPS, arg);
    else if (arg === '--runs') options.runs = positive(value(), arg);
    else if (arg === '--seed') options.seed = value();
    else if (arg === '--reuse') options.reuse = true;
    else if (arg === '--timeout') options.timeout = positive(value(), arg);
    else if (arg === '--no-time') options.useTime = false;
    else if (arg === '--json') options.json = true;
    else if (arg === '--help' || arg === '-h') throw new Error(USAGE);
    else throw new Error(`unknown argument ${arg}\n${USAGE}`);
  }
  if (full && !options.sizes.includes(1_000_000)) options.sizes.push(1_000_000);
  return options;
}

const upper = (text) => text.toUpperCase();

function parseSize(text) {
  const n = parseCount(text);
  if (!Number.isInteger(n) || n < 100) throw new Error(`bad size ${text} (at least 100)`);
  return n;
}

function positive(text, flag) {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} needs a positive integer`);
  return n;
}

function checked(values, allowed, flag) {
  const bad = values.filter((v) => !allowed.includes(v));
  if (bad.length > 0) throw new Error(`${flag}: unknown ${bad.join(', ')} (${allowed.join(', ')})`);
  return values;
}

function label(n) {
  if (n % 1_000_000 === 0) return `${n / 1_000_000}M`;
  if (n % 1_000 === 0) return `${n / 1_000}k`;
  return String(n);
}

const median = (values) => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

// ---------------------------------------------------------------------------------------------
// Measuring one child process

let runCounter = 0;

/**
 * Runs `command args` once; resolves to {code, signal, seconds, peakKiB, stdout, stderr}.
 * `stdout: 'ignore'` sends the output to /dev/null (what `> /dev/null` does in a shell).
 */
function measure(command, args, { stdout = 'pipe', useTime, timeout }) {
  const rssFile = join(tmpdir(), `blast-radius-bench-${process.pid}-${++runCounter}.rss`);
  let argv;
  let env = process.env;
  if (useTime) {
    argv = [TIME, '-v', '-o', rssFile, command, ...args];
  } else {
    const preload =
      command === process.execPath
        ? ['--import', pathToFileURL(join(ROOT, 'bench', 'max-rss.mjs')).href]
        : [];
    argv = [command, ...preload, ...args];
    env = { ...process.env, BENCH_RSS_FILE: rssFile };
  }
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(argv[0], argv.slice(1), {
      cwd: ROOT,
      env,
      stdio: ['ignore', stdout, 'pipe'],
      detached: true, // own process group, so a timeout can kill /usr/bin/time and its child
    });
    let out = '';
    let err = '';
    child.stdout?.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => {
      err += d;
      if (err.length > 65536) err = err.slice(-32768);
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, timeout * 1000);
    timer.unref();
    child.on('close', (code, signal) => {
      const seconds = (performance.now() - started) / 1000;
      clearTimeout(timer);
      let peakKiB = null;
      if (existsSync(rssFile)) {
        const text = readFileSync(rssFile, 'utf8');
        rmSync(rssFile, { force: true });
        const match = useTime
          ? /Maximum resident set size \(kbytes\): (\d+)/.exec(text)
          : /^(\d+)/.exec(text);
        if (match) peakKiB = Number(match[1]);
        if (useTime) {
          const status = /Command exited with non-zero status (\d+)/.exec(text);
          const killed = /Command terminated by signal (\d+)/.exec(text);
          if (status) code = Number(status[1]);
          if (killed) signal = `signal ${killed[1]}`;
        }
      }
      resolve({ code, signal, timedOut, seconds, peakKiB, stdout: out, stderr: err });
    });
  });
}

function classify(result, gate = false) {
  if (result.timedOut) return 'timeout';
  if (result.code === 0 || (gate && result.code === GATE_FAILED)) return 'ok';
  if (result.code === 2 && /unknown command/i.test(result.stderr)) return 'n/a';
  if (/heap out of memory|Allocation failed/i.test(result.stderr)) return 'out of memory';
  if (result.signal) return String(result.signal);
  return `exit ${result.code}`;
}

/** Runs a step `runs` times (stopping at the first failure); medians of the successful runs. */
async function step(name, command, args, options, runs, context) {
  const samples = [];
  for (let r = 0; r < runs; r++) {
    const result = await measure(command, args, options);
    const status = classify(result, options.gate === true);
    const peak = result.peakKiB === null ? '?' : `${(result.peakKiB / 1024).toFixed(0)} MiB`;
    progress(
      `${context} ${name} run ${r + 1}/${runs}: ${status}, ${result.seconds.toFixed(2)} s, ${peak}`,
    );
    if (status !== 'ok') {
      const firstLine = result.stderr.trim().split('\n').slice(0, 3).join(' | ');
      if (status !== 'n/a' && firstLine) progress(`  ${firstLine.slice(0, 300)}`);
      return { status, detail: firstLine.slice(0, 500), runs: samples.length };
    }
    samples.push(result);
  }
  return {
    status: 'ok',
    runs: samples.length,
    seconds: median(samples.map((s) => s.seconds)),
    peakMiB: samples.every((s) => s.peakKiB !== null)
      ? median(samples.map((s) => s.peakKiB)) / 1024
      : null,
    samples: samples.map((s) => ({ seconds: s.seconds, peakKiB: s.peakKiB })),
    stdout: samples.map((s) => s.stdout).filter(Boolean),
  };
}

function progress(line) {
  process.stderr.write(`${line}\n`);
}

// ---------------------------------------------------------------------------------------------
// Environment

function findPython() {
  const candidates = [process.env.BENCH_PYTHON, '/usr/bin/python3', 'python3'].filter(Boolean);
  for (const python of candidates) {
    const probe = spawnSync(
      python,
      ['-c', 'import networkx, sys; print(networkx.__version__, sys.version.split()[0])'],
      {
        encoding: 'utf8',
      },
    );
    if (probe.status === 0) {
      const [networkx, version] = probe.stdout.trim().split(' ');
      return { python, networkx, version };
    }
  }
  return null;
}

function machine(useTime, python) {
  const nproc = spawnSync('nproc', { encoding: 'utf8' });
  let cpu = cpus()[0]?.model ?? 'unknown';
  try {
    const match = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (match) cpu = match[1].trim();
  } catch {
    // not Linux
  }
  const git = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' });
  const dirty = spawnSync('git', ['status', '--porcelain', '--', 'src', 'bin'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return {
    nproc: nproc.status === 0 ? Number(nproc.stdout.trim()) : cpus().length,
    cpu,
    memoryGiB: totalmem() / 1024 ** 3,
    os: `${process.platform} ${release()}`,
    node: process.version,
    python: python ? `${python.version} (${python.python}), networkx ${python.networkx}` : null,
    peakMemoryVia: useTime ? '/usr/bin/time -v' : 'process.resourceUsage().maxRSS',
    commit:
      git.status === 0
        ? git.stdout.trim() + (dirty.stdout.trim() ? ' (+ uncommitted changes)' : '')
        : null,
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
  };
}

// ---------------------------------------------------------------------------------------------
// The run

/** bench/out/services-N-seedS.FORMAT for shape B (the name it always had), services-R-N-… else. */
function manifestFile(shape, size, format, seed) {
  const prefix = shape === 'B' ? 'services' : `services-${shape}`;
  return join(OUT, `${prefix}-${size}-seed${seed}.${format}`);
}

async function generate(shape, size, format, options) {
  const file = manifestFile(shape, size, format, options.seed);
  const statsFile = `${file}.stats.json`;
  if (options.reuse && existsSync(file) && existsSync(statsFile)) {
    const stats = JSON.parse(readFileSync(statsFile, 'utf8'));
    if (stats.bytes === statSync(file).size)
      return { file, bytes: stats.bytes, stats, reused: true };
  }
  const args = [
    'bench/generate.mjs',
    '--shape',
    shape,
    '--services',
    String(size),
    '--seed',
    options.seed,
    '--format',
    format,
    '--out',
    file,
    '--stats',
  ];
  const run = await measure(process.execPath, args, { useTime: false, timeout: options.timeout });
  if (run.code !== 0) throw new Error(`generator failed for ${size} ${format}: ${run.stderr}`);
  const stats = JSON.parse(run.stdout);
  writeFileSync(statsFile, `${JSON.stringify(stats)}\n`);
  progress(
    `[${shape} ${label(size)} ${format}] generated ${relative(ROOT, file)}: ${(stats.bytes / 1e6).toFixed(1)} MB, ` +
      `${stats.dependencies} dependencies in ${stats.seconds.toFixed(2)} s`,
  );
  return { file, bytes: stats.bytes, generateSeconds: stats.seconds, stats };
}

async function main(argv) {
  let options;
  try {
    options = parseArgs(argv);
  } catch (error) {
    console.error(error.message);
    return 2;
  }
  if (options.useTime && !existsSync(TIME)) {
    progress(`${TIME} not found (apt-get install -y time); measuring peak memory from inside Node`);
    options.useTime = false;
  }
  const python = options.steps.includes('networkx') ? findPython() : null;
  if (options.steps.includes('networkx') && !python) progress('networkx not installed');
  const built = existsSync(join(ROOT, 'dist', 'cli', 'main.js'));
  if (!built) progress('dist/ not built (npm run build): validate and analyze are n/a');
  mkdirSync(OUT, { recursive: true });

  const env = machine(options.useTime, python);
  const rows = [];
  const networkx = [];
  for (const shape of options.shapes) {
    for (const size of options.sizes) {
      await measureSize(shape, size, options, python, built, rows, networkx);
    }
  }

  const command = `node bench/run.mjs${argv.length ? ` ${argv.join(' ')}` : ''}`;
  if (options.json) {
    console.log(
      JSON.stringify({ command, machine: env, options, results: rows, networkx }, null, 2),
    );
  } else {
    console.log(markdown(command, env, options, rows, networkx, python));
  }
  const pairSizes = options.sizes.filter((size) => size <= 10_000);
  if (options.steps.includes('pairs') && built && pairSizes.length > 0) {
    // Minimal pairs of failures (analyze --order 2) on every shape, in one run of bench/pairs.mjs.
    const args = ['bench/pairs.mjs', '--sizes', pairSizes.join(','), '--seed', options.seed];
    args.push('--shapes', options.shapes.join(','));
    const pairs = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
    console.log(pairs.status === 0 ? `\n${pairs.stdout}` : `\npairs: ${pairs.stderr}`);
  }
  if (options.steps.includes('availability') && built) {
    // Issue 7: availability and importance, in one process (bench/availability.mjs).
    const args = [
      'bench/availability.mjs',
      '--sizes',
      options.sizes.join(','),
      '--seed',
      options.seed,
    ];
    const run = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
    console.log(run.status === 0 ? `\n${run.stdout}` : `\navailability: ${run.stderr}`);
  }
  return 0;
}

/** Generates the manifests of one shape and size and measures every step on them. */
async function measureSize(shape, size, options, python, built, rows, networkx) {
  const runs = options.runs ?? (size >= LARGE ? 1 : 3);
  const measured = { useTime: options.useTime, timeout: options.timeout };
  const formats = [...options.formats];
  if (python && !formats.includes('json')) formats.push('json'); // networkx reads the JSON
  for (const format of formats) {
    const generated = await generate(shape, size, format, options);
    const context = `[${shape} ${label(size)} ${format}]`;
    if (format === 'json' && python) {
      const result = await step(
        'networkx',
        python.python,
        ['bench/networkx_bench.py', generated.file],
        measured,
        runs,
        context,
      );
      networkx.push({
        shape,
        size,
        file: relative(ROOT, generated.file),
        runs,
        ...networkxNumbers(result),
      });
    }
    if (!options.formats.includes(format)) continue;
    const row = {
      shape,
      size,
      format,
      file: relative(ROOT, generated.file),
      bytes: generated.bytes,
      runs,
      dependencies: generated.stats.dependencies,
      edges: generated.stats.edges,
      generateSeconds: generated.reused ? null : generated.generateSeconds,
    };
    if (options.steps.includes('parse')) {
      const result = await step(
        'parse',
        process.execPath,
        ['bench/parse.mjs', generated.file],
        measured,
        runs,
        context,
      );
      row.parse = summary(result);
      if (result.status === 'ok')
        row.parse.inside = median(result.stdout.map((s) => JSON.parse(s).parseS));
    }
    for (const command of COMMANDS) {
      if (!options.steps.includes(command)) continue;
      if ((command === 'simulate' || command === 'diff') && format !== 'json') continue;
      if (!built) {
        row[command] = { status: 'n/a', detail: 'dist/ not built' };
        continue;
      }
      const args = commandArgs(command, generated.file);
      if (command === 'simulate') row.simulated = args.at(-1);
      const gate = command === 'check';
      const result = await step(
        command,
        process.execPath,
        args,
        { ...measured, stdout: 'ignore', gate },
        runs,
        context,
      );
      row[command] = summary(result);
    }
    rows.push(row);
  }
}

/** The command line of one timed command on one generated manifest. */
function commandArgs(command, file) {
  switch (command) {
    case 'validate':
      return [CLI, 'validate', file];
    case 'analyze':
      return [CLI, 'analyze', file, '--format', 'json'];
    case 'check':
      return [CLI, 'check', file, '--format', 'json'];
    case 'simulate':
      return [CLI, 'simulate', file, '--format', 'json', '--fail', mostDependedOn(file)];
    case 'diff':
      return [CLI, 'diff', file, editedCopy(file), '--format', 'json'];
    default:
      throw new Error(`no command line for ${command}`);
  }
}

/** The service that the most `depends_on` entries name: the outage `simulate` is timed on. */
function mostDependedOn(file) {
  const { services } = JSON.parse(readFileSync(file, 'utf8'));
  const counts = new Map();
  const count = (id) => counts.set(id, (counts.get(id) ?? 0) + 1);
  for (const service of Object.values(services)) {
    for (const entry of service.depends_on ?? []) {
      if (typeof entry === 'string') count(entry);
      else if (typeof entry.service === 'string') count(entry.service);
      else for (const id of entry.any_of ?? entry.quorum?.of ?? []) count(id);
    }
  }
  let best = null;
  for (const [id, n] of counts) {
    if (best === null || n > counts.get(best) || (n === counts.get(best) && id < best)) best = id;
  }
  return best;
}

/**
 * A copy of a JSON manifest as a small change would leave it, for `diff`: every 500th service
 * loses its last requirement (which may leave something a new SPOF or take one away).
 */
function editedCopy(file) {
  const edited = file.replace(/\.json$/, '.edited.json');
  if (existsSync(edited) && statSync(edited).mtimeMs >= statSync(file).mtimeMs) return edited;
  const manifest = JSON.parse(readFileSync(file, 'utf8'));
  let i = 0;
  for (const service of Object.values(manifest.services)) {
    if (i++ % 500 === 0 && Array.isArray(service.depends_on) && service.depends_on.length > 1)
      service.depends_on.pop();
  }
  writeFileSync(edited, JSON.stringify(manifest));
  return edited;
}

function summary(result) {
  const { status, detail, runs, seconds, peakMiB, samples } = result;
  return status === 'ok' ? { status, runs, seconds, peakMiB, samples } : { status, detail, runs };
}

function networkxNumbers(result) {
  if (result.status !== 'ok') return { status: result.status, detail: result.detail };
  const parsed = result.stdout.map((s) => JSON.parse(s));
  const field = (name) => median(parsed.map((p) => p[name]));
  return {
    status: 'ok',
    seconds: result.seconds,
    // Without /usr/bin/time, the script's own getrusage figure.
    peakMiB: result.peakMiB ?? field('max_rss_mib'),
    loadS: field('load_s'),
    buildS: field('edges_s') + field('build_undirected_s') + field('build_directed_s'),
    articulationPointsS: field('articulation_points_s'),
    bridgesS: field('bridges_s'),
    immediateDominatorsS: field('immediate_dominators_s'),
    counts: {
      nodes: parsed[0].nodes,
      undirectedEdges: parsed[0].undirected_edges,
      directedEdges: parsed[0].directed_edges,
      articulationPoints: parsed[0].articulation_points,
      bridges: parsed[0].bridges,
    },
    versions: { networkx: parsed[0].networkx, python: parsed[0].python },
    igraph: parsed[0].igraph === undefined ? null : igraphNumbers(parsed, field),
  };
}

/** python-igraph's timings of the same questions, where the script could import it. */
function igraphNumbers(parsed, field) {
  return {
    version: parsed[0].igraph,
    buildS: field('igraph_build_s'),
    articulationPointsS: field('igraph_articulation_points_s'),
    bridgesS: field('igraph_bridges_s'),
    dominatorsS: field('igraph_dominators_s'),
    counts: {
      articulationPoints: parsed[0].igraph_articulation_points,
      bridges: parsed[0].igraph_bridges,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Markdown

const seconds = (s) => (s === null || s === undefined ? '' : s < 10 ? s.toFixed(2) : s.toFixed(1));
const mib = (m) => (m === null || m === undefined ? '?' : m.toFixed(0));
const cell = (m) => (m?.status === 'ok' ? seconds(m.seconds) : (m?.status ?? '–'));
const peak = (m) => (m?.status === 'ok' ? mib(m.peakMiB) : '');
const ratio = (m, base) =>
  m?.status === 'ok' && base?.status === 'ok' && base.seconds > 0
    ? ` (${(m.seconds / base.seconds).toFixed(1)}×)`
    : '';
const int = (n) => (n === null || n === undefined ? '?' : n.toLocaleString('en-US'));

function markdown(command, env, options, rows, networkx, python) {
  const lines = [];
  lines.push(
    `Machine: ${env.nproc} CPUs (nproc), ${env.cpu}, ${env.memoryGiB.toFixed(1)} GiB RAM, ${env.os}; ` +
      `Node ${env.node}${env.python ? `; Python ${env.python}` : ''}.`,
  );
  lines.push(`Command: \`${command}\` (${env.date}${env.commit ? `, commit ${env.commit}` : ''}).`);
  lines.push(
    `Median of the runs shown; wall time of each child process including Node start-up; ` +
      `peak = maximum resident set size via ${env.peakMemoryVia}.`,
  );
  lines.push('');
  lines.push(
    '| shape | services | dependencies (edges) | format | file MB | runs | parse s | validate s (× parse) | analyze s (× parse) | analyze MiB | check s | check MiB | simulate s | diff s (× analyze) |',
  );
  lines.push('|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    lines.push(
      `| ${r.shape} | ${int(r.size)} | ${int(r.dependencies)} (${int(r.edges)}) | ${r.format} | ${(r.bytes / 1e6).toFixed(1)} | ${r.runs} | ` +
        `${cell(r.parse)} | ${cell(r.validate)}${ratio(r.validate, r.parse)} | ${cell(r.analyze)}${ratio(r.analyze, r.parse)} | ${peak(r.analyze)} | ` +
        `${cell(r.check)} | ${peak(r.check)} | ${cell(r.simulate)} | ${cell(r.diff)}${ratio(r.diff, r.analyze)} |`,
    );
  }
  const failures = rows.flatMap((r) =>
    ['parse', ...COMMANDS]
      .filter((s) => r[s] && r[s].status !== 'ok' && r[s].status !== 'n/a' && r[s].detail)
      .map((s) => `- ${r.shape} ${label(r.size)} ${r.format} ${s}: ${r[s].status}: ${r[s].detail}`),
  );
  if (failures.length > 0) lines.push('', ...failures);
  lines.push('');
  lines.push(
    'parse = read + `JSON.parse` (json) or `yaml` `parseDocument` with `uniqueKeys: false` and a LineCounter (yaml), in a process of its own; ' +
      'validate = `blast-radius validate FILE`; analyze = `blast-radius analyze FILE --format json > /dev/null`; check = `blast-radius check FILE --format json`; ' +
      'simulate = `blast-radius simulate FILE --fail ID` of the service most `depends_on` entries name (its cost after loading is simulate − validate); ' +
      'diff = `blast-radius diff FILE EDITED --format json`, EDITED a copy in which every 500th service lost its last requirement. Every figure includes starting Node.',
  );
  if (options.steps.includes('networkx')) {
    lines.push('');
    if (!python) {
      lines.push(
        'networkx not installed (`apt-get install -y python3-networkx`, run with /usr/bin/python3).',
      );
    } else {
      lines.push(
        `networkx ${python.networkx} on the JSON manifest (bench/networkx_bench.py): undirected graph of the hard edges ` +
          '(group alternatives included) → `articulation_points`, `bridges`; directed dependent → dependency plus a virtual root ' +
          'over the entry points → `immediate_dominators`. Seconds measured inside Python; total = wall time of the process.',
      );
      lines.push('');
      lines.push(
        '| shape | services | nodes | hard edges | load s | build s | articulation points s | bridges s | immediate dominators s | total s | peak MiB |',
      );
      lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
      for (const n of networkx) {
        if (n.status !== 'ok') {
          lines.push(`| ${n.shape} | ${int(n.size)} | ${n.status} | | | | | | | | |`);
          continue;
        }
        lines.push(
          `| ${n.shape} | ${int(n.size)} | ${int(n.counts.nodes)} | ${int(n.counts.undirectedEdges)} | ${seconds(n.loadS)} | ${seconds(n.buildS)} | ` +
            `${seconds(n.articulationPointsS)} | ${seconds(n.bridgesS)} | ${seconds(n.immediateDominatorsS)} | ${seconds(n.seconds)} | ${mib(n.peakMiB)} |`,
        );
      }
      const withIgraph = networkx.filter((n) => n.status === 'ok' && n.igraph);
      if (withIgraph.length > 0) {
        lines.push('');
        lines.push(
          `igraph ${withIgraph[0].igraph.version} (python-igraph) in the same process, on its own graphs of the same edges ` +
            '(the undirected one simplified, as networkx keeps one edge per pair) → `articulation_points`, `bridges`, ' +
            "`dominator` from the virtual root; its counts beside networkx's.",
        );
        lines.push('');
        lines.push(
          '| shape | services | build s | articulation points s | bridges s | dominators s | articulation points (networkx) | bridges (networkx) |',
        );
        lines.push('|---|---:|---:|---:|---:|---:|---:|---:|');
        for (const n of withIgraph) {
          const g = n.igraph;
          lines.push(
            `| ${n.shape} | ${int(n.size)} | ${seconds(g.buildS)} | ${seconds(g.articulationPointsS)} | ${seconds(g.bridgesS)} | ` +
              `${seconds(g.dominatorsS)} | ${int(g.counts.articulationPoints)} (${int(n.counts.articulationPoints)}) | ` +
              `${int(g.counts.bridges)} (${int(n.counts.bridges)}) |`,
          );
        }
      }
    }
  }
  return lines.join('\n');
}

process.exitCode = await main(process.argv.slice(2));
