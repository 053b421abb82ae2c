// SCRAM (Debian's `scram` package, which `npm test` checks for, and installs as root) as a live
// oracle: runs it on an Open-PSA MEF text and reads back the top event's probability and its
// minimal cut sets.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseXml, type XmlElement } from '../../../../src/import/openpsa/xml.js';

export interface ScramResult {
  probability: number;
  /** Minimal cut sets as sorted lists of basic-event names. */
  products: string[][];
}

/** Fails loudly when SCRAM is missing: the oracle is part of the test, not optional. */
export function scramVersion(): string {
  try {
    return execFileSync('scram', ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('SCRAM is not installed: apt-get install -y scram (npm test does it as root)');
  }
}

export function runScram(mef: string, options: { order?: number } = {}): ScramResult {
  const dir = mkdtempSync(path.join(tmpdir(), 'br-scram-'));
  try {
    const input = path.join(dir, 'tree.xml');
    const output = path.join(dir, 'report.xml');
    writeFileSync(input, mef);
    const args = ['--bdd', '--probability', 'true', '-o', output, input];
    if (options.order !== undefined) args.unshift('-l', String(options.order));
    execFileSync('scram', args, { stdio: 'pipe', timeout: 60_000 });
    return readReport(readFileSync(output, 'utf8'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function readReport(xml: string): ScramResult {
  const sum = find(parseXml(xml), 'sum-of-products');
  if (sum === undefined) throw new Error('no <sum-of-products> in the SCRAM report');
  const products = sum.children
    .filter((c) => c.name === 'product')
    .map((p) =>
      p.children
        .filter((c) => c.name === 'basic-event')
        .map((c) => c.attributes.get('name')!)
        .sort(),
    );
  return { probability: Number(sum.attributes.get('probability')), products };
}

function find(root: XmlElement, name: string): XmlElement | undefined {
  const queue = [root];
  for (let next = queue.shift(); next; next = queue.shift()) {
    if (next.name === name) return next;
    queue.push(...next.children);
  }
  return undefined;
}

/** a and b agree to `digits` significant digits (SCRAM prints six). */
export function sameDigits(a: number, b: number, digits = 5): boolean {
  if (a === b) return true;
  return Math.abs(a - b) <= Math.abs(b) * 10 ** (1 - digits) * 0.5 + Number.MIN_VALUE;
}
