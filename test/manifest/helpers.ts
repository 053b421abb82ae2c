// Shared helpers for the manifest loader tests: catching ManifestErrors, asserting one error's
// place and key phrase, and scratch directories for include tests.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { ManifestErrors, type ManifestError } from '../../src/manifest/errors.js';
import { loadManifest, parseManifestText, type LoadOptions } from '../../src/manifest/load.js';

export const BAD_FIXTURES = fileURLToPath(new URL('../../fixtures/bad/', import.meta.url));

/** The ManifestErrors that loading `path` (relative to fixtures/bad) throws. */
export async function loadErrors(path: string, options: LoadOptions = {}): Promise<ManifestErrors> {
  try {
    await loadManifest(path, { cwd: BAD_FIXTURES, ...options });
  } catch (error) {
    expect(error).toBeInstanceOf(ManifestErrors);
    return error as ManifestErrors;
  }
  throw new Error(`loading ${path} should have failed`);
}

/** The ManifestErrors that parsing `text` throws. */
export function parseErrors(text: string, file = 'shop.yaml'): ManifestErrors {
  try {
    parseManifestText(text, file);
  } catch (error) {
    expect(error).toBeInstanceOf(ManifestErrors);
    return error as ManifestErrors;
  }
  throw new Error('parsing should have failed');
}

export interface ExpectedError {
  file: string;
  line?: number;
  column?: number;
  phrase: string | RegExp;
}

/** Asserts that `errors` holds exactly the expected errors, in order (file, line, column). */
export function expectErrors(errors: ManifestErrors, expected: readonly ExpectedError[]): void {
  const actual = errors.errors.map((e) => summary(e, expected[errors.errors.indexOf(e)]));
  expect(actual).toEqual(expected.map((e) => ({ ...e, phrase: true })));
}

function summary(error: ManifestError, expected: ExpectedError | undefined) {
  const phrase = expected?.phrase;
  const matches =
    typeof phrase === 'string'
      ? error.message.includes(phrase)
      : (phrase?.test(error.message) ?? false);
  const result: Record<string, unknown> = { file: error.file, phrase: matches || error.message };
  if (error.line !== undefined) result.line = error.line;
  if (error.column !== undefined) result.column = error.column;
  return result;
}

/** True when `text` holds a C0 or C1 control character other than the newlines between errors. */
export function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && code !== 0x0a) || (code >= 0x7f && code <= 0x9f)) return true;
  }
  return false;
}

/** A fresh scratch directory and a function that removes it. */
export async function scratchDirectory(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'blast-radius-manifest-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
