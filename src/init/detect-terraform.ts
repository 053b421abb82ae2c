// Finds Terraform inputs: every `*.tfstate` file, and JSON files that are `terraform show -json`
// of a plan or a state or a raw state file (a `terraform_version` beside the keys each shape
// has). One import per file: a plan and a state of one configuration describe the same
// resources, so importing them together would declare each twice; where two files hold the same
// addresses, `init` keeps one and names the other.

import { importTerraform } from '../import/terraform/terraform.js';
import { isRecord } from '../import/shared/values.js';
import { folderOf, type Detector, type ImportCandidate } from './detector.js';
import type { RepositoryFile } from './repository-files.js';

/** Read before parsing: only a file that names a Terraform version can be one of its outputs. */
const JSON_OBJECT = /^\s*\{/;
const TERRAFORM_VERSION = /"terraform_version"\s*:/;
/** What `terraform show -json` writes beside format_version, for a plan or a state. */
const SHOW_JSON_KEYS = ['planned_values', 'resource_changes', 'prior_state', 'values'];

/** A JSON document Terraform wrote: show-json of a plan or a state, or a raw state of any version. */
export function isTerraformJson(text: string): boolean {
  if (!JSON_OBJECT.test(text) || !TERRAFORM_VERSION.test(text)) return false;
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    return false;
  }
  if (!isRecord(document) || typeof document['terraform_version'] !== 'string') return false;
  if (typeof document['format_version'] === 'string') {
    return SHOW_JSON_KEYS.some((key) => key in document);
  }
  return (
    typeof document['version'] === 'number' &&
    (Array.isArray(document['resources']) || Array.isArray(document['modules']))
  );
}

function isTerraformInput(file: RepositoryFile): boolean {
  if (/\.tfstate$/i.test(file.path)) return true;
  return /\.json$/i.test(file.path) && isTerraformJson(file.text);
}

export const TERRAFORM: Detector = {
  source: 'terraform',
  title: 'Terraform plans and states',
  find(files) {
    return files.filter(isTerraformInput).map((file): ImportCandidate => ({
      source: 'terraform',
      folder: folderOf(file.path),
      label: file.path.replace(/\.(?:json|tfstate)$/i, ''),
      inputs: [file.path],
      notes: [],
      run: async () => importTerraform([{ file: file.path, text: file.text }]),
    }));
  },
};
