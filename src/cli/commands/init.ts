// `blast-radius init [directory]`: a starter manifest for a repository that has none, from what
// it can import there (src/init). Never overwrites a file: every file is first written to a
// private folder and checked with our own loader, then linked into place, which fails rather
// than replace a file that appeared meanwhile.

import { randomBytes } from 'node:crypto';
import { link, mkdir, rm, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describeInputs } from '../../init/detector.js';
import { DETECTORS } from '../../init/detectors.js';
import { planInit } from '../../init/init-plan.js';
import { STARTER_MANIFEST } from '../../init/init-paths.js';
import { ManifestErrors, loadManifest } from '../../manifest/load.js';
import { compileGraph } from '../../model/compiled-graph.js';
import { safeText } from '../../report/shared/safe-text.js';
import { UsageError } from '../errors.js';
import type { Outcome } from '../exit-code.js';
import type { CliIO } from '../io.js';

/** Writes the starter manifest and the imports it includes, never over an existing file. */
export async function runInit(io: CliIO, directory: string): Promise<Outcome> {
  const root = path.resolve(io.cwd, directory);
  const info = await stat(root).catch(() => undefined);
  if (info === undefined || !info.isDirectory()) {
    throw new UsageError(`${directory}: not a directory`);
  }
  const shown = (file: string) => path.relative(io.cwd, path.join(root, file)) || '.';
  const existing = await firstExisting(root, [STARTER_MANIFEST]);
  if (existing !== undefined) return refuse(io, shown(existing));
  const plan = await planInit(root, path.basename(root), STARTER_MANIFEST, DETECTORS);
  const clash = await firstExisting(
    root,
    plan.files.map((file) => file.path),
  );
  if (clash !== undefined) return refuse(io, shown(clash));
  const existed = await writeWithoutOverwriting(root, plan.files);
  if (existed !== undefined) return refuse(io, shown(existed));
  printSummary(io, plan, shown, directory);
  return 'ok';
}

/**
 * Writes the files into a private folder, checks that the starter loads there, then links each
 * into place; a link fails rather than replace a file. Returns the file that already existed (and
 * takes back what it linked), or undefined when all are written.
 */
async function writeWithoutOverwriting(
  root: string,
  files: readonly { path: string; text: string }[],
): Promise<string | undefined> {
  const staging = path.join(root, `.blast-radius-init-${randomBytes(6).toString('hex')}`);
  try {
    for (const file of files) {
      await mkdir(path.dirname(path.join(staging, file.path)), { recursive: true });
      await writeFile(path.join(staging, file.path), file.text, { flag: 'wx' });
    }
    await checkStarter(path.join(staging, STARTER_MANIFEST));
    const linked: string[] = [];
    let current = '';
    try {
      for (const file of files) {
        current = file.path;
        const target = path.join(root, file.path);
        await mkdir(path.dirname(target), { recursive: true });
        await link(path.join(staging, file.path), target);
        linked.push(target);
      }
    } catch (error) {
      for (const target of linked) await unlink(target).catch(() => undefined);
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return current;
      throw error;
    }
    return undefined;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** What we wrote must load; if it does not, that is our bug, and nothing is written. */
async function checkStarter(file: string): Promise<void> {
  try {
    compileGraph(await loadManifest(file));
  } catch (error) {
    if (!(error instanceof ManifestErrors)) throw error;
    const first = error.errors[0]?.format() ?? 'invalid';
    throw new Error(`the starter manifest does not load (${first}); nothing written`, {
      cause: error,
    });
  }
}

function refuse(io: CliIO, file: string): Outcome {
  io.stderr.write(
    `${safeText(file)}: already exists; init never overwrites a file (move it away to start again)\n`,
  );
  return 'input-error';
}

async function firstExisting(root: string, files: readonly string[]): Promise<string | undefined> {
  for (const file of files) {
    const found = await stat(path.join(root, file)).catch(() => undefined);
    if (found !== undefined) return file;
  }
  return undefined;
}

function printSummary(
  io: CliIO,
  plan: Awaited<ReturnType<typeof planInit>>,
  shown: (file: string) => string,
  directory: string,
): void {
  const out: string[] = [];
  out.push(`wrote ${shown(STARTER_MANIFEST)}: the starter manifest, with questions to answer`);
  for (const each of plan.included) {
    const count = each.result.manifest.services.length;
    const warnings =
      each.warnings === 0
        ? ''
        : `; ${each.warnings} ${each.warnings === 1 ? 'warning' : 'warnings'}, shown by the command in its header`;
    out.push(
      `wrote ${shown(each.file)}: ${count} ${count === 1 ? 'service' : 'services'} from ${each.title}${warnings}`,
    );
  }
  for (const each of plan.leftOut) {
    out.push(`left out ${describeInputs(each.candidate)}: ${each.reason}`);
  }
  if (plan.included.length === 0) {
    out.push('found nothing to import: declare your services in the starter manifest');
  }
  const manifest = shown(STARTER_MANIFEST);
  const next = directory === '.' || manifest === STARTER_MANIFEST ? '' : ` ${manifest}`;
  out.push(`next: answer the questions in ${manifest}, then run: blast-radius analyze${next}`);
  io.stdout.write(`${out.map(safeText).join('\n')}\n`);
}
