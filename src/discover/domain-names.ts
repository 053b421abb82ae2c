// DNS names as `discover` handles them: normalised (lower case, no trailing dot), checked against
// the DNS length rules, reduced to their registrable domain (the Public Suffix List, ICANN
// section), matched by label-aligned suffix, and turned into service ids that are always valid.

import { createHash } from 'node:crypto';
import { getDomain } from 'tldts';

/** The longest name in text form (255 octets on the wire). */
export const MAX_NAME_LENGTH = 253;
const MAX_LABEL = 63;
const NAME_CHARACTERS = /^[a-z0-9_-]+$/;

/** Lower case, no trailing dot. */
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/\.$/, '');
}

/** Why `name` cannot be looked up (as given by a user or a DNS answer), or undefined. */
export function nameProblem(name: string): string | undefined {
  if (name === '') return 'an empty name';
  if (name.length > MAX_NAME_LENGTH) return `longer than ${MAX_NAME_LENGTH} characters`;
  for (const label of name.split('.')) {
    if (label === '') return 'an empty label';
    if (label.length > MAX_LABEL) return `a label longer than ${MAX_LABEL} characters`;
    if (!NAME_CHARACTERS.test(label)) return 'characters other than letters, digits, - and _';
  }
  return undefined;
}

/** The registrable domain (`ns-1.awsdns-01.co.uk` -> `awsdns-01.co.uk`); the name itself if none. */
export function registrableDomain(name: string): string {
  return getDomain(name, { allowPrivateDomains: false }) ?? name;
}

/** A public suffix (`com`, `co.uk`, `test`): no zone a site or provider could own. */
export function isPublicSuffix(name: string): boolean {
  return getDomain(name, { allowPrivateDomains: false }) === null;
}

/** `name` is `suffix` or ends in `.suffix`. */
export function hasSuffix(name: string, suffix: string): boolean {
  return name === suffix || name.endsWith(`.${suffix}`);
}

/** The name one label up (`a.b.c` -> `b.c`), or undefined at the top. */
export function parentName(name: string): string | undefined {
  const dot = name.indexOf('.');
  return dot < 0 ? undefined : name.slice(dot + 1);
}

/** The domain part of an SOA RNAME mailbox (`hostmaster.shop.test` -> `shop.test`). */
export function mailboxDomain(rname: string): string {
  return parentName(rname) ?? rname;
}

const ID_TEXT = /^[A-Za-z0-9_][A-Za-z0-9._:/@-]*$/;
const MAX_ID = 200;

/**
 * `prefix:name` as a service id. A name that does not fit the id rule (odd characters, too long)
 * keeps its readable part and gains a short hash of the whole, so distinct names stay distinct.
 */
export function serviceId(prefix: string, name: string): string {
  const plain = `${prefix}:${name}`;
  if (plain.length <= MAX_ID && ID_TEXT.test(plain)) return plain;
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 10);
  const readable = name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[^A-Za-z0-9_]+/, '');
  const room = MAX_ID - prefix.length - hash.length - 2;
  return `${prefix}:${readable.slice(0, room)}${readable === '' ? '' : '-'}${hash}`.replace(
    /:-/,
    ':',
  );
}
