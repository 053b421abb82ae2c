// Finds docker compose projects as `docker compose` does without `-f`: in each folder, the first
// of compose.yaml, compose.yml, docker-compose.yaml, docker-compose.yml, merged with its
// override file, and the `.env` beside it for variables. Other compose files of the folder (a
// logging or test variant) are named in the starter, not merged: only the team knows which apply.

import { parseEnvFile } from '../import/compose/interpolation.js';
import { importCompose } from '../import/compose/compose.js';
import { baseName, byFolder, type Detector, type ImportCandidate } from './detector.js';
import type { RepositoryFile } from './repository-files.js';

const BASES = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];
const OVERRIDES: Record<string, string[]> = {
  compose: ['compose.override.yaml', 'compose.override.yml'],
  'docker-compose': ['docker-compose.override.yaml', 'docker-compose.override.yml'],
};
const COMPOSE_NAME = /^(?:docker-)?compose(?:[.-][\w.-]+)?\.ya?ml$/;
const HAS_SERVICES = /^services:/m;

export const COMPOSE: Detector = {
  source: 'compose',
  title: 'docker compose files',
  find(files) {
    const composeFiles = files.filter(
      (file) => COMPOSE_NAME.test(baseName(file.path)) && HAS_SERVICES.test(file.text),
    );
    const envFiles = new Map(
      files.filter((file) => baseName(file.path) === '.env').map((file) => [file.path, file]),
    );
    const candidates: ImportCandidate[] = [];
    for (const [folder, group] of byFolder(composeFiles)) {
      const named = new Map(group.map((file) => [baseName(file.path), file]));
      const baseFile = BASES.map((name) => named.get(name)).find((file) => file !== undefined);
      if (baseFile === undefined) continue;
      const family = baseName(baseFile.path).startsWith('docker-') ? 'docker-compose' : 'compose';
      const override = OVERRIDES[family]!.map((name) => named.get(name)).find(
        (file) => file !== undefined,
      );
      const merged = override ? [baseFile, override] : [baseFile];
      const others = group.filter((file) => !merged.includes(file)).map((file) => file.path);
      const env = envFiles.get(folder === '' ? '.env' : `${folder}/.env`);
      candidates.push({
        source: 'compose',
        folder,
        inputs: merged.map((file) => file.path),
        notes: others.map((other) => `${other} is another compose file here, not merged`),
        run: async () => importWithEnv(merged, env),
      });
    }
    return candidates;
  },
};

/** The import as `blast-radius import compose` runs it: variables from the `.env` beside it. */
function importWithEnv(files: readonly RepositoryFile[], env: RepositoryFile | undefined) {
  const inputs = files.map((file) => ({ file: file.path, text: file.text }));
  if (env === undefined) return importCompose(inputs, { variables: new Map() });
  const parsed = parseEnvFile(env.text);
  const result = importCompose(inputs, { variables: parsed.variables });
  result.manifest.caveats.push(`Variables from ${env.path}.`);
  for (const line of parsed.badLines) {
    const message = 'not a KEY=value line; ignored';
    result.diagnostics.push({ severity: 'warning', file: env.path, line, column: 1, message });
  }
  return result;
}
