// The command line's bundle (scripts/build-cli.mjs; the test setup builds it): the worker
// scripts and the package files it names by URL are where it looks for them. A worker script
// that is not there is no error (its work runs on the main thread instead, with the same
// answer), so only a test of the build itself notices one missing.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runBin } from '../support/run-cli.js';

const DIST = path.join(ROOT, 'dist');
const BUNDLED = /^(blast-radius|cli-.+|.+-worker)\.js$/;
const NAMED = /new URL\(\s*"(\.{1,2}\/[^"]+)",\s*import\.meta\.url\s*\)/g;

describe('the command line bundle', () => {
  it('finds the worker scripts and package files it names beside itself', () => {
    const named = new Set<string>();
    for (const file of readdirSync(DIST).filter((name) => BUNDLED.test(name))) {
      for (const match of readFileSync(path.join(DIST, file), 'utf8').matchAll(NAMED)) {
        named.add(match[1]!);
      }
    }
    expect([...named].filter((name) => name.endsWith('-worker.js')).sort()).toEqual([
      './availability-worker.js',
      './diff-side-worker.js',
      './sweep-worker.js',
    ]);
    expect(named).toContain('../package.json');
    // The page script is built by `npm run build`, not by the test setup.
    for (const name of [...named].filter((name) => name !== '../dist/report-page.js')) {
      expect(existsSync(path.join(DIST, name)), name).toBe(true);
    }
  });

  it('runs from the bin with the version of package.json', () => {
    const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      version: string;
    };
    expect(runBin(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });
});
