// Reads a Backstage catalog from the files named on the command line and every file their
// Location entities point at, transitively, each once. A target must stay inside the folder of
// the file named on the command line it was reached from (a catalog from a pull request must not
// read arbitrary files); URL and glob targets are reported and not followed.

import { access, realpath } from 'node:fs/promises';
import path from 'node:path';
import { Diagnostics } from '../shared/diagnostics.js';
import { locationTargets, readCatalogFile } from './entities.js';
import type { SourceText } from '../shared/imported-manifest.js';
import { listInputs, readInput, type InputFile } from '../shared/read-inputs.js';

interface Pending extends InputFile {
  /** The folder of the file named on the command line that the chain started from. */
  root: { name: string; lexical: string; real: string };
}

export async function readCatalog(
  names: readonly string[],
  cwd: string,
  diagnostics: Diagnostics,
): Promise<SourceText[]> {
  const pending: Pending[] = [];
  for (const file of await listInputs(names, cwd, true, diagnostics)) {
    const lexical = path.dirname(file.absolute);
    const root = { name: path.dirname(file.name), lexical, real: await realOr(lexical) };
    pending.push({ ...file, root });
  }
  const seen = new Set<string>();
  const texts: SourceText[] = [];
  for (let next = pending.shift(); next; next = pending.shift()) {
    const file = await realOr(next.absolute);
    if (seen.has(file)) continue;
    seen.add(file);
    const text = await readInput(next, diagnostics);
    if (!text) continue;
    texts.push(text);
    // Parse problems are the importer's to report; here only the Locations matter.
    const entities = readCatalogFile(text, new Diagnostics());
    for (const entity of entities.filter((e) => e.kindKey === 'location')) {
      for (const { target, place } of locationTargets(entity)) {
        if (/^[a-z][a-z0-9+.-]*:\/\//i.test(target) || /[*?[\]{}]/.test(target)) {
          diagnostics.warning(
            place,
            `Location target "${target}" is a URL or a glob; not followed`,
          );
          continue;
        }
        const absolute = path.resolve(path.dirname(next.absolute), target);
        const name = path.normalize(path.join(path.dirname(next.name), target));
        const real = await realOr(absolute);
        if (!isInside(absolute, next.root.lexical) || !isInside(real, next.root.real)) {
          const message = `Location target "${target}" is outside ${next.root.name}; not read`;
          diagnostics.error(place, message);
        } else if (!(await exists(absolute))) {
          diagnostics.error(place, `Location target "${target}": no such file`);
        } else {
          pending.push({ name, absolute, root: next.root });
        }
      }
    }
  }
  return texts;
}

function isInside(file: string, dir: string): boolean {
  const relative = path.relative(dir, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

async function realOr(file: string): Promise<string> {
  try {
    return await realpath(file);
  } catch {
    return file;
  }
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}
