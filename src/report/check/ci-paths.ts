// What the CI formats of `check` (SARIF, GitHub, JUnit, GitLab) share: the rules in a fixed
// order, and the manifest path as CI systems want it.

import type { CheckResult } from '../../analysis/gate/check-result.js';
import type { PolicyRuleId } from '../../manifest/types.js';

/** Every rule of a check, in the order the reports list them (the recovery rules where used). */
export function checkRules(result: CheckResult): PolicyRuleId[] {
  return result.rules.map((r) => r.rule);
}

/**
 * The manifest path as given (relative to the directory `check` ran in: the repository root in
 * CI), with forward slashes and without a leading `./`, as code scanning and merge requests
 * name files.
 */
export function repositoryPath(file: string): string {
  return file.replace(/\\/g, '/').replace(/^(?:\.\/+)+/, '');
}

/** Lone surrogates cannot be encoded as UTF-8: they become U+FFFD first. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * The manifest path as an RFC 3986 URI reference: each segment percent-encoded as UTF-8, so a
 * space, `#`, `?`, `%` or `:` stays part of the name. A relative path is relative to the
 * `%SRCROOT%` base; an absolute one becomes a `file:` URI, with `absolute` set.
 */
export function uriReference(file: string): { uri: string; absolute: boolean } {
  const path = repositoryPath(file);
  const drive = /^[A-Za-z]:\//.exec(path)?.[0] ?? '';
  if (drive !== '') return { uri: `file:///${drive}${encodePath(path.slice(3))}`, absolute: true };
  if (path.startsWith('/')) return { uri: `file://${encodePath(path)}`, absolute: true };
  return { uri: encodePath(path), absolute: false };
}

function encodePath(path: string): string {
  return path
    .split('/')
    .map((segment) => encodeURIComponent(segment.replace(LONE_SURROGATE, '\ufffd')))
    .join('/');
}
