// Numbers in text and Markdown: counts grouped by thousands everywhere, money with two decimals.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatMoney, formatNumber } from '../../../src/report/shared/format.js';
import { runCli } from '../../support/run-cli.js';

describe('formatMoney', () => {
  it('always prints two decimals, digits grouped', () => {
    expect(formatMoney(2629.8)).toBe('2,629.80');
    expect(formatMoney(262769.67)).toBe('262,769.67');
    expect(formatMoney(35064)).toBe('35,064.00');
    expect(formatMoney(0)).toBe('0.00');
    expect(formatMoney(0.005)).toBe('0.01');
    expect(formatMoney(1234567.891)).toBe('1,234,567.89');
    expect(formatMoney(-1500.5)).toBe('-1,500.50');
    expect(formatMoney(-0.001)).toBe('0.00');
  });
  it('agrees with formatNumber up to the trailing zeros', () => {
    for (const value of [0, 1, 12.5, 999.99, 1000, 20600, 1e9 + 0.25]) {
      expect(formatMoney(value).replace(/\.?0+$/, '')).toBe(formatNumber(value));
    }
  });
});

describe('counts in the analyze report', () => {
  it('groups the digits of the structure and cold-start counts', async () => {
    // A chain of 1,200 services: every link is a bridge and every service its own wave.
    const lines = [
      'version: 1',
      'services:',
      '  s0:',
      '    entrypoint: true',
      '    depends_on: [s1]',
    ];
    for (let i = 1; i < 1200; i++) {
      lines.push(`  s${i}:`, i < 1199 ? `    depends_on: [s${i + 1}]` : '    kind: database');
    }
    const dir = mkdtempSync(path.join(tmpdir(), 'br-format-'));
    const file = path.join(dir, 'blast-radius.yaml');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const run = await runCli(['analyze', file, '--format', 'text']);
    expect(run.stdout).toContain('bridges (1,199)');
    expect(run.stdout).toContain('cut vertices (1,198)');
    expect(run.stdout).toContain('Cold start: 1,200 waves');
    expect(run.stdout).not.toMatch(/\(\d{4,}\)/);
  });
});
