// Finds a Backstage catalog: every YAML file with a `backstage.io/` apiVersion, imported together
// as one catalog (the reader follows their Location entities and reads each file once).

import { importBackstage } from '../import/backstage/backstage.js';
import { readCatalog } from '../import/backstage/reader.js';
import { Diagnostics } from '../import/shared/diagnostics.js';
import type { Detector } from './detector.js';

const BACKSTAGE = /^apiVersion:[ \t]*["']?backstage\.io\//m;

export const BACKSTAGE_CATALOG: Detector = {
  source: 'backstage',
  title: 'a Backstage catalog',
  find(files) {
    const catalog = files.filter(
      (file) => /\.ya?ml$/i.test(file.path) && BACKSTAGE.test(file.text),
    );
    if (catalog.length === 0) return [];
    const inputs = catalog.map((file) => file.path);
    return [
      {
        source: 'backstage',
        folder: '',
        inputs,
        notes: [],
        run: async (root) => {
          const diagnostics = new Diagnostics();
          const texts = await readCatalog(inputs, root, diagnostics);
          if (diagnostics.hasErrors) {
            return { manifest: emptyManifest(), diagnostics: diagnostics.sorted() };
          }
          const result = importBackstage(texts);
          result.diagnostics.push(...diagnostics.list);
          return result;
        },
      },
    ];
  },
};

function emptyManifest() {
  return { source: 'backstage' as const, inputs: [], caveats: [], services: [] };
}
