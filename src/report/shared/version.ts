// The package version, read once from the package's package.json.

import { readFileSync } from 'node:fs';
import { PACKAGE_JSON } from '../../package-files.js';

const packageJson = JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as { version: string };

export const VERSION: string = packageJson.version;
