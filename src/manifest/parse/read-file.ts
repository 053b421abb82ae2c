// Reads a manifest file or standard input as bytes, refusing before reading anything that is
// not a regular file or is larger than the limit for its format.

import { open } from 'node:fs/promises';
import { MAX_FILE_BYTES, MAX_YAML_FILE_BYTES } from './limits.js';
import type { ManifestFormat } from './read-document.js';

/** Raised by the default standard-input reader when the input passes the size limit. */
export class InputTooLargeError extends Error {}

export function maxBytes(format: ManifestFormat): number {
  return format === 'json' ? MAX_FILE_BYTES : MAX_YAML_FILE_BYTES;
}

export function tooLargeMessage(size: number, format: ManifestFormat): string {
  const limit = maxBytes(format) / 2 ** 20;
  const advice =
    format === 'yaml' ? ` (JSON manifests may be up to ${MAX_FILE_BYTES / 2 ** 20} MiB)` : '';
  return `the file is ${(size / 2 ** 20).toFixed(1)} MiB; ${format.toUpperCase()} manifests are limited to ${limit} MiB${advice}`;
}

/** The file's bytes, or why they cannot be read. */
export async function readFileBytes(
  path: string,
  format: ManifestFormat,
  what = 'the manifest',
): Promise<{ bytes: Uint8Array } | { error: string }> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    return { error: describeFsError(error, what) };
  }
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) return { error: `cannot read ${what}: it is a directory` };
    // Devices and pipes report no size, and /dev/zero never ends.
    if (!stat.isFile()) return { error: `cannot read ${what}: it is not a regular file` };
    if (stat.size > maxBytes(format)) return { error: tooLargeMessage(stat.size, format) };
    const bytes = await handle.readFile();
    if (bytes.length > maxBytes(format)) return { error: tooLargeMessage(bytes.length, format) };
    return { bytes };
  } catch (error) {
    return { error: describeFsError(error, what) };
  } finally {
    await handle.close();
  }
}

/** Reads process.stdin, giving up as soon as it passes the YAML size limit. */
export async function readStdinBytes(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_YAML_FILE_BYTES) throw new InputTooLargeError(tooLargeMessage(size, 'yaml'));
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

export function describeFsError(error: unknown, what = 'the manifest'): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return `cannot read ${what}: no such file`;
  if (code === 'EACCES' || code === 'EPERM') return `cannot read ${what}: permission denied`;
  if (code === 'EISDIR') return `cannot read ${what}: it is a directory`;
  return `cannot read ${what} (${code ?? (error instanceof Error ? error.message : String(error))})`;
}
