// manifest/files/ — a manifest across files: includes, globs, overlays, and assembling services.
//
// Joins the files of one manifest: declares every id (refusing invalid and duplicate ones),
// reads every service against the ids of all files, sorts services by id, and applies the
// top-level file's overlays and domains.

import { sortedById } from './id-order.js';
import { idProblem } from '../fields/ids.js';
import type { ManifestFile } from './manifest-file.js';
import { applyOverlays } from './overlay.js';
import { readPlainServices, readServicesWithPositions } from './plain-services.js';
import { quote } from '../parse/quote.js';
import { References } from '../fields/references.js';
import { readService } from '../fields/service.js';
import { formatPosition, type SourceFile } from '../parse/source-file.js';
import type { CommonCauseDomain, Manifest, Service } from '../types.js';

/** `files` in Manifest.files order: the top-level file first. Errors go to the files' diagnostics. */
export function assembleManifest(files: readonly ManifestFile[]): Manifest {
  const top = files[0];
  if (top === undefined) throw new Error('assembleManifest needs at least the top-level file');
  const { declared, ids, offsets, firsts } = declareIds(files);
  const references = new References(ids, declared);
  const read: Service[] = [];
  files.forEach((file, f) => {
    const context = { src: file.src, defaults: file.defaults, references };
    const position = (i: number) => file.src.position(offsets[f]![i]!);
    const plain = readPlainServices(file, position, references, firsts[f]!);
    if (plain !== undefined) {
      for (const service of plain) read.push(service);
      return;
    }
    readServicesWithPositions(file);
    const map = file.services;
    if (map === undefined) return;
    for (let i = 0; i < map.keys.length; i++) {
      const id = map.keys[i]!;
      const service = readService(id, position(i), map.values[i]!, map.valueOffsets[i]!, context);
      if (service !== undefined) read.push(service);
    }
  });
  // Plain code-unit order: the same on every machine and locale.
  const services = sortedById(read);
  for (const file of files.slice(1)) {
    for (const [key, offset] of [
      ['policy', file.policyOffset],
      ['domains', file.domainsOffset],
      ['overlays', file.overlays?.keyOffset],
    ] as const) {
      if (offset === undefined) continue;
      const message = `${key} is read from the top-level manifest (${top.src.name}) only, not from an included file`;
      file.src.error(offset, message);
    }
  }
  if (top.overlays !== undefined) {
    applyOverlays(top.overlays.node, top.overlays.offset, top.src, services, references);
  }
  const manifest: Manifest = { file: top.src.name, files: files.map((f) => f.src.name), services };
  if (top.policy !== undefined) manifest.policy = top.policy;
  if (top.domains !== undefined) {
    checkDomainMembers(top.domains, services, top.src);
    manifest.domains = top.domains;
  }
  return top.name === undefined ? manifest : { name: top.name, ...manifest };
}

/**
 * Every id of every file, and where each entry of each file's `services` is written (as
 * offsets: positions are made for what is shown). Repeated ids, in one file or two, are
 * reported here. Invalid ids are reported but still declared, so that references to them add
 * no second error. `firsts`: by file, the declaration number of its first id when each of its
 * ids is declared there first (its ids are then numbered in the file's order), else -1.
 */
function declareIds(files: readonly ManifestFile[]) {
  const ids: string[] = [];
  /** Where each declared id is declared first: its file and its offset there. */
  const firstFile: number[] = [];
  const firstOffset: number[] = [];
  const firsts: number[] = [];
  // A lone file read in one pass holds each id once: no Map is needed to find one repeated.
  const lone = files.length === 1 && files[0]!.plain?.table !== undefined;
  /** Each id with its declaration number, an index of `ids`, `firstFile` and `firstOffset`. */
  const declared = lone ? undefined : new Map<string, number>();
  const offsets = files.map(({ src, services, plain }, f) => {
    const keys = plain?.ids ?? services?.keys ?? [];
    const fileOffsets = plain?.offsets.ids ?? services?.keyOffsets ?? [];
    let firstHere = ids.length;
    for (let i = 0; i < keys.length; i++) {
      const [id, offset] = [keys[i]!, fileOffsets[i]!];
      const problem = idProblem(id);
      if (problem !== undefined) src.error(offset, problem);
      const number = declared?.get(id);
      if (number === undefined) {
        declared?.set(id, ids.length);
        ids.push(id);
        if (declared !== undefined) {
          firstFile.push(f);
          firstOffset.push(offset);
        }
      } else {
        firstHere = -1;
        const first = files[firstFile[number]!]!.src.position(firstOffset[number]!);
        const message = `service ${quote(id)} is declared twice; also declared at ${formatPosition(first)}`;
        src.error(offset, message);
      }
    }
    firsts.push(firstHere);
    return fileOffsets;
  });
  return { declared, ids, offsets, firsts };
}

/** A domain that names no service's labels is a typo, not a domain that never fails. */
function checkDomainMembers(
  domains: readonly CommonCauseDomain[],
  services: readonly Service[],
  src: SourceFile,
): void {
  const named = new Set<string>();
  for (const s of services) {
    const parts: string[] = [];
    for (const label of ['provider', 'region', 'zone'] as const) {
      if (s[label] === undefined) break;
      parts.push(`${label}=${s[label]}`);
      named.add(parts.join(','));
    }
  }
  for (const d of domains) {
    if (named.has(d.domain)) continue;
    src.diagnostics.add(
      `domain ${quote(d.domain)} has no member: no service has these provider, region and zone labels`,
      d.position,
    );
  }
}
