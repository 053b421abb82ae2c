// Writes fixtures/webdep-2023/blast-radius.yaml: the Webdep pipeline's recorded classification of
// the CrUX US top sites (April 2023) as a discovered manifest, through the same table, model and
// writer as `blast-radius discover`. Needs a build (npm run build). Usage:
//   node scripts/webdep-example.mjs

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { providerTable } from '../dist/discover/classify/provider-table.js';
import { renderManifest } from '../dist/discover/emit/manifest-text.js';
import { webdepModel } from '../dist/discover/webdep-output.js';
import { WEBDEP_EXAMPLE_HEADER, WEBDEP_FILES } from '../dist/discover/webdep-example.js';

const dir = path.join(import.meta.dirname, '../fixtures/webdep-2023');
const read = (name) => readFileSync(path.join(dir, 'data', name), 'utf8');
const files = {
  dns: read(WEBDEP_FILES.dns),
  cdn: read(WEBDEP_FILES.cdn),
  ca: read(WEBDEP_FILES.ca),
};
const { model, counts } = webdepModel(files, providerTable());
writeFileSync(
  path.join(dir, 'blast-radius.yaml'),
  renderManifest(model, 'yaml', WEBDEP_EXAMPLE_HEADER),
);
process.stdout.write(`${model.sites.length} sites; rows ${JSON.stringify(counts)}\n`);
