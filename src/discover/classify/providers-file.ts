// Reads a --providers file (YAML or JSON): more providers, or ones that replace a built-in entry
// of the same kind and id. Every mistake is reported as `file: message`.

import { parse } from 'yaml';
import { cleanText } from '../../import/shared/imported-manifest.js';
import { nameProblem, normalizeName } from '../domain-names.js';
import type { ProviderEntry, ProviderKind } from './provider-entry.js';

export class ProvidersFileError extends Error {
  readonly code = 'EPROVIDERS';
  constructor(file: string, message: string) {
    super(`${file}: ${message}`);
    this.name = 'ProvidersFileError';
  }
}

const KINDS: readonly ProviderKind[] = ['dns', 'cdn', 'ca'];
const KEYS = new Set(['kind', 'id', 'name', 'provider', 'suffixes', 'soa']);
const ID = /^[A-Za-z0-9_][A-Za-z0-9._/@-]{0,150}$/;
const LABEL = /^[^,=]{1,200}$/;

/**
 * ```yaml
 * providers:
 *   - { kind: dns, id: acme-dns, provider: acme, suffixes: [acmedns.net], soa: [hostmaster.acmedns.net] }
 * ```
 */
export function parseProvidersFile(file: string, text: string): ProviderEntry[] {
  let document: unknown;
  try {
    document = parse(text, { maxAliasCount: 100 });
  } catch (error) {
    throw new ProvidersFileError(
      file,
      `not YAML or JSON (${(error as Error).message.split('\n')[0]})`,
    );
  }
  const list = isRecord(document) ? document['providers'] : undefined;
  if (!Array.isArray(list)) throw new ProvidersFileError(file, 'expected a `providers:` list');
  return list.map((item, index) => entry(file, `providers[${index}]`, item));
}

function entry(file: string, where: string, item: unknown): ProviderEntry {
  const fail = (message: string) => new ProvidersFileError(file, `${where}: ${message}`);
  if (!isRecord(item)) throw fail('expected a mapping');
  for (const key of Object.keys(item)) {
    if (!KEYS.has(key))
      throw fail(`unknown key "${key.slice(0, 40)}" (keys: ${[...KEYS].join(', ')})`);
  }
  const kind = item['kind'];
  if (!KINDS.includes(kind as ProviderKind)) throw fail('kind must be dns, cdn or ca');
  const id = item['id'];
  if (typeof id !== 'string' || !ID.test(id))
    throw fail('id must be a short id (letters, digits, ._/@-)');
  const provider = item['provider'] ?? id;
  if (typeof provider !== 'string' || !isLabel(provider)) {
    throw fail('provider must be a label without , or =');
  }
  const name = item['name'] ?? id;
  if (typeof name !== 'string' || !isLabel(name)) throw fail('name must be short text');
  const suffixes = names(item['suffixes'], () => fail('suffixes must be a list of domain names'));
  const soa = names(item['soa'], () => fail('soa must be a list of domain names'));
  if (suffixes.length === 0 && soa.length === 0) throw fail('give suffixes or soa');
  return { kind: kind as ProviderKind, id, name, provider, suffixes, soa, webdep: [] };
}

function names(value: unknown, fail: () => Error): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw fail();
  return value.map((each) => {
    if (typeof each !== 'string') throw fail();
    const name = normalizeName(each.replace(/^\./, ''));
    if (nameProblem(name) !== undefined) throw fail();
    return name;
  });
}

/** Short text without `,` `=` or control characters. */
function isLabel(text: string): boolean {
  return LABEL.test(text) && cleanText(text) === text;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
