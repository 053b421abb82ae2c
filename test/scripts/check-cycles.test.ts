import { describe, expect, it } from 'vitest';
import { importCycles, importGraph } from '../../scripts/check-cycles.mjs';

function graphOf(files: Record<string, string>): Map<string, string[]> {
  return importGraph(Object.keys(files), (file: string) => files[file]!);
}

describe('the import-cycle check', () => {
  it('finds a cycle of type-only imports across folders', () => {
    const files = {
      '/src/a/one.ts': "import type { Two } from '../b/two.js';",
      '/src/b/two.ts': "import type { Three } from './three.js';",
      '/src/b/three.ts': "export type { One } from '../a/one.js';",
      '/src/c/four.ts': "import { x } from '../a/one.js';",
    };
    expect(importCycles(graphOf(files))).toEqual([
      ['/src/a/one.ts', '/src/b/three.ts', '/src/b/two.ts'],
    ]);
  });

  it('reads imports that span lines, dynamic imports and side-effect imports', () => {
    const files = {
      '/src/a.ts': "import {\n  b,\n  c,\n} from './b.js';",
      '/src/b.ts': "const a = await import('./c.js');",
      '/src/c.ts': "import './a.js';",
    };
    expect(importCycles(graphOf(files))).toEqual([['/src/a.ts', '/src/b.ts', '/src/c.ts']]);
  });

  it('passes an acyclic graph and ignores packages', () => {
    const files = {
      '/src/a.ts': "import { b } from './b.js';\nimport { parse } from 'yaml';",
      '/src/b.ts': "import { readFileSync } from 'node:fs';",
    };
    expect(importCycles(graphOf(files))).toEqual([]);
  });

  it('walks a 100,000-file chain without recursion', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 100_000; i++) files[`/src/f${i}.ts`] = `import './f${i + 1}.js';`;
    files['/src/f100000.ts'] = "import './f0.js';";
    const cycles = importCycles(graphOf(files));
    expect(cycles).toHaveLength(1);
    expect(cycles[0]).toHaveLength(100_001);
  });
});
