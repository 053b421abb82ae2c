// import/shared/ — what every importer shares: reading inputs, shapes and values, diagnostics,
// stable service ids, and the deterministic YAML writer.
//
// The manifest an importer builds: services with the few manifest keys an import can fill in,
// and notes for what the manifest has no key for (replicas, lifecycle, call counts), written as
// comments. `finishServices` makes it valid and canonical: sorted, deduplicated, labels clean.

import { byCodeUnit } from '../../compare.js';
import { MAX_LABEL_LENGTH } from '../../manifest/parse/limits.js';
import type { Diagnostic, Diagnostics } from './diagnostics.js';

export interface ImportedDependency {
  /** One id: a plain dependency; several: `any_of` (up while one of them is up). */
  anyOf: string[];
  /** With several ids: up while at least this many are up (`quorum: k, of: [...]`); default 1. */
  quorum?: number;
  soft: boolean;
  /** Why the dependency is there, written as a comment after it. */
  note?: string;
}

export interface ImportedCopy {
  to: string;
  every?: string;
  note?: string;
}

export interface ImportedService {
  id: string;
  entrypoint: boolean;
  kind?: string;
  owner?: string;
  /** A logical node that cannot fail by itself (a fault-tree gate). */
  virtual?: boolean;
  /** Failure-domain labels: provider > region > zone. */
  provider?: string;
  region?: string;
  zone?: string;
  /** Percent. */
  sla?: number;
  tags: string[];
  dependsOn: ImportedDependency[];
  /** Comment lines written above the service's keys. */
  notes: string[];
  /**
   * Copies of its data kept in another service (a read replica, a replicated bucket): `every`
   * how far behind it may be when the source says (a duration), `note` a comment beside it.
   */
  copies?: ImportedCopy[];
}

export type ImportSource =
  'backstage' | 'compose' | 'kubernetes' | 'traces' | 'openpsa' | 'terraform' | 'cloudformation';

export interface ImportedManifest {
  source: ImportSource;
  /** What it was generated from, as the user named it (files, directories). */
  inputs: string[];
  /** How to regenerate it (a shell command), when the caller knows. */
  command?: string;
  /** Lines for the header: what the importer looked at and what to be careful about. */
  caveats: string[];
  services: ImportedService[];
}

export function newService(id: string): ImportedService {
  return { id, entrypoint: false, tags: [], dependsOn: [], notes: [] };
}

// C0, DEL, C1, bidi controls, line and paragraph separators, lone surrogates.
const UNSAFE = new RegExp(
  '[\\u0000-\\u001f\\u007f-\\u009f\\u200e\\u200f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069]' +
    '|[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]',
  'g',
);

/** Text from an input made safe to write: control characters become spaces, runs of space one. */
export function cleanText(text: string): string {
  return text.replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim();
}

/** A label (kind, owner, tag) the manifest accepts: clean, non-empty, at most 200 characters. */
export function cleanLabel(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const clean = cleanText(text);
  if (clean === '') return undefined;
  return clean.length > MAX_LABEL_LENGTH ? clean.slice(0, MAX_LABEL_LENGTH).trimEnd() : clean;
}

/** A failure-domain label: clean, and without the `,` and `=` that selectors use. */
function domainLabel(text: string | undefined): string | undefined {
  return cleanLabel(text?.replace(/[,=]/g, '-'));
}

/**
 * The services sorted by id, each with clean labels, sorted unique tags, and dependencies that
 * the loader accepts: no dependency on itself or on an id that is not declared, none twice
 * (a dependency listed twice is hard when either listing is, and keeps both notes).
 */
export function finishServices(services: readonly ImportedService[]): ImportedService[] {
  const ids = new Set(services.map((service) => service.id));
  const finished = services.map((service) => {
    const tags = [...new Set(service.tags.map(cleanLabel).filter((tag) => tag !== undefined))].sort(
      byCodeUnit,
    );
    return {
      ...service,
      kind: cleanLabel(service.kind),
      owner: cleanLabel(service.owner),
      provider: domainLabel(service.provider),
      region: domainLabel(service.region),
      zone: domainLabel(service.zone),
      tags,
      notes: service.notes.map(cleanText).filter((note) => note !== ''),
      dependsOn: finishDependencies(service.id, service.dependsOn, ids),
      ...(service.copies === undefined ? {} : { copies: finishCopies(service, ids) }),
    };
  });
  return finished.sort((a, b) => byCodeUnit(a.id, b.id));
}

/** Copies to declared services other than itself, one per service, in id order. */
function finishCopies(service: ImportedService, ids: ReadonlySet<string>): ImportedCopy[] {
  const byTo = new Map<string, ImportedCopy>();
  for (const copy of service.copies ?? []) {
    if (copy.to !== service.id && ids.has(copy.to) && !byTo.has(copy.to)) byTo.set(copy.to, copy);
  }
  return [...byTo.values()].sort((a, b) => byCodeUnit(a.to, b.to));
}

function finishDependencies(
  owner: string,
  dependencies: readonly ImportedDependency[],
  ids: ReadonlySet<string>,
): ImportedDependency[] {
  const byKey = new Map<string, ImportedDependency>();
  for (const dependency of dependencies) {
    const anyOf = [...new Set(dependency.anyOf)]
      .filter((id) => id !== owner && ids.has(id))
      .sort(byCodeUnit);
    if (anyOf.length === 0) continue;
    const key = `${dependency.quorum ?? 1}\u0000${anyOf.join('\u0000')}`;
    const earlier = byKey.get(key);
    if (earlier === undefined) {
      byKey.set(key, { ...dependency, anyOf });
      continue;
    }
    earlier.soft &&= dependency.soft;
    const notes = [earlier.note, dependency.note].filter((note) => note !== undefined);
    const joined = [...new Set(notes)].join('; ');
    if (joined !== '') earlier.note = joined;
  }
  return [...byKey.entries()].sort(([a], [b]) => byCodeUnit(a, b)).map(([, value]) => value);
}

/** An input file, already read: its name as the user should see it, and its text. */
export interface SourceText {
  file: string;
  text: string;
}

/** What an importer returns: the manifest (meaningless when a diagnostic is an error) and why. */
export interface ImportResult {
  manifest: ImportedManifest;
  diagnostics: Diagnostic[];
}

/** The result every importer returns: its services finished, its diagnostics sorted. */
export function importResult(
  source: ImportSource,
  inputs: readonly SourceText[],
  caveats: string[],
  services: readonly ImportedService[],
  diagnostics: Diagnostics,
): ImportResult {
  const manifest: ImportedManifest = {
    source,
    inputs: inputs.map((input) => input.file),
    caveats,
    services: finishServices(services),
  };
  return { manifest, diagnostics: diagnostics.sorted() };
}
