// `blast-radius simulate --random N [--seed S] [--k K [--domains]]`: the chaos-sampling
// half of `simulate`, kept apart from the one-outage path; --random and --fail are exclusive.

import { chaos } from '../../analysis/reliability/chaos.js';
import { failureDomains } from '../../analysis/outage/failure-domains.js';
import { planSweep } from '../../analysis/outage/outage-sweep.js';
import { CHAOS_REPORTERS } from '../../report/registry.js';
import type { Outcome } from '../exit-code.js';
import type { CliIO } from '../io.js';
import { UsageError } from '../errors.js';
import { createProgress } from '../progress.js';
import type { CommonOptions } from '../common-options.js';
import { loadGraph, parseCount, writeReport } from '../shared-options.js';

export interface RandomOptions extends CommonOptions {
  random?: string;
  seed?: string;
  k?: string;
  domains?: boolean;
  top: string;
}

/** Refuses the options --random does not go with, and the ones that need it. */
export function checkRandomOptions(options: RandomOptions & { fail?: string[] }, guarded: boolean) {
  if (options.random === undefined) {
    if (options.k !== undefined || options.domains)
      throw new UsageError('--k and --domains need --random');
    return;
  }
  if (options.fail !== undefined)
    throw new UsageError('--random and --fail are exclusive: give one');
  if (guarded) throw new UsageError('--max-down and --forbid-down go with --fail, not --random');
  if (options.domains && options.k === undefined) throw new UsageError('--domains needs --k');
}

export async function runRandom(io: CliIO, file: string, options: RandomOptions): Promise<Outcome> {
  const samples = parseCount(options.random!, '--random');
  if (samples < 1) throw new UsageError('--random takes at least 1 sample');
  const seed = parseCount(options.seed ?? '1', '--seed');
  if (seed > 0xffffffff) throw new UsageError('--seed takes a whole number below 2^32');
  const k = options.k === undefined ? undefined : parseCount(options.k, '--k');
  const top = parseCount(options.top, '--top');
  const { manifest, graph } = await loadGraph(io, file);
  const domains = failureDomains(graph);
  if (k !== undefined) {
    const units = options.domains
      ? domains.length
      : graph.services.filter((s) => s.virtual !== true).length;
    const what = options.domains ? 'failure domains' : 'components that can fail';
    if (k < 1 || k > units) throw new UsageError(`--k takes 1 to ${units} (the ${what}), not ${k}`);
  }
  const progress = createProgress(io, 'sampling');
  let result;
  try {
    const chosen = {
      samples,
      seed,
      ...(k === undefined ? {} : { k, domains: options.domains === true }),
    };
    result = chaos(planSweep(graph), domains, manifest.name ?? null, {
      ...chosen,
      onProgress: progress.update,
    });
  } finally {
    progress.done();
  }
  await writeReport(io, CHAOS_REPORTERS, result, options, top);
  return 'ok';
}
