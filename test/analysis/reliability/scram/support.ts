// SCRAM (Debian's `scram` package, which `npm test` checks for, and installs as root) as a live
// oracle: runs it on an Open-PSA MEF text and reads back the top event's probability and its
// minimal cut sets, or its importance factors.

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
    return readReport(parseXml(readFileSync(output, 'utf8')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** SCRAM's five importance factors of one basic event (its report's attribute names). */
export interface ScramImportance {
  /** Marginal importance factor: Birnbaum's, ∂P(top)/∂p. */
  MIF: number;
  /** Critical importance factor: p·MIF / P(top). */
  CIF: number;
  /** Diagnosis importance factor, which SCRAM calls Fussell–Vesely: P(event | top). */
  DIF: number;
  /** Risk achievement worth: P(top | event) / P(top). */
  RAW: number;
  /** Risk reduction worth: P(top) / P(top | not event); 0 where that is infinite. */
  RRW: number;
}

/**
 * `scram --bdd --importance`: P(top) and the importance factors of every basic event in a
 * minimal cut set. The cut-off is 0 so that no cut set, and no event, is pruned for being rare.
 */
export function runScramImportance(mef: string): {
  probability: number;
  importance: Map<string, ScramImportance>;
} {
  const dir = mkdtempSync(path.join(tmpdir(), 'br-scram-'));
  try {
    const input = path.join(dir, 'tree.xml');
    const output = path.join(dir, 'report.xml');
    writeFileSync(input, mef);
    const args = ['--bdd', '--importance', 'true', '--cut-off', '0', '-o', output, input];
    execFileSync('scram', args, { stdio: 'pipe', timeout: 60_000 });
    const report = parseXml(readFileSync(output, 'utf8'));
    const { probability } = readReport(report);
    const importance = new Map<string, ScramImportance>();
    for (const event of find(report, 'importance')?.children ?? []) {
      const number = (name: keyof ScramImportance) => Number(event.attributes.get(name) ?? 0);
      importance.set(event.attributes.get('name')!, {
        MIF: number('MIF'),
        CIF: number('CIF'),
        DIF: number('DIF'),
        RAW: number('RAW'),
        RRW: number('RRW'),
      });
    }
    return { probability, importance };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function readReport(root: XmlElement): ScramResult {
  const sum = find(root, 'sum-of-products');
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
