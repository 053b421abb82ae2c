// Finds CloudFormation templates: YAML or JSON files with an `AWSTemplateFormatVersion`, or a
// top-level `Resources` mapping with an `AWS::` resource type (a SAM template has no version
// line). A cheap look at the text first, then the template read as the importer reads it. All
// templates of the repository import together, since a nested stack names its template by file
// name and `Fn::ImportValue` reaches across stacks wherever their files are; a template that does
// not read is named in the starter and left out, not allowed to sink the others.

import { importCloudFormation } from '../import/cloudformation/cloudformation.js';
import { readTemplate } from '../import/cloudformation/template-text.js';
import { Diagnostics, formatDiagnostic } from '../import/shared/diagnostics.js';
import { isRecord } from '../import/shared/values.js';
import { folderOf, type Detector } from './detector.js';
import type { RepositoryFile } from './repository-files.js';

const FORMAT_VERSION = /^["']?AWSTemplateFormatVersion["']?[ \t]*:|"AWSTemplateFormatVersion"\s*:/m;
/** `Resources:` at the top level of YAML (Serverless Framework nests it under `resources:`). */
const YAML_RESOURCES = /^["']?Resources["']?[ \t]*:/m;
const JSON_RESOURCES = /"Resources"\s*:/;
const AWS_TYPE = /["']?Type["']?\s*:\s*["']?AWS::/;

type Reading = { template: true } | { template: false; problem?: string };

/** Whether the file is a template, and why it does not read when it looks like one. */
export function readsAsTemplate(file: RepositoryFile): Reading {
  if (!/\.(?:ya?ml|json)$/i.test(file.path)) return { template: false };
  const json = /\.json$/i.test(file.path);
  const versioned = FORMAT_VERSION.test(file.text);
  const resources = (json ? JSON_RESOURCES : YAML_RESOURCES).test(file.text);
  if (!versioned && !(resources && AWS_TYPE.test(file.text))) return { template: false };
  const diagnostics = new Diagnostics();
  const text = readTemplate(file.text, file.path, diagnostics);
  const error = diagnostics.list.find((each) => each.severity === 'error');
  if (text === undefined || error !== undefined) {
    // Only a file that says it is a template is worth a word when it does not read.
    return versioned
      ? { template: false, problem: error ? formatDiagnostic(error) : `${file.path}: unreadable` }
      : { template: false };
  }
  const declared = text.value['Resources'];
  if (!isRecord(declared)) return { template: false };
  if (typeof text.value['AWSTemplateFormatVersion'] === 'string') return { template: true };
  const typed = Object.values(declared).some(
    (resource) =>
      isRecord(resource) &&
      typeof resource['Type'] === 'string' &&
      resource['Type'].startsWith('AWS::'),
  );
  return { template: typed };
}

export const CLOUDFORMATION: Detector = {
  source: 'cloudformation',
  title: 'CloudFormation templates',
  find(files) {
    const templates: RepositoryFile[] = [];
    const notes: string[] = [];
    for (const file of files) {
      const reading = readsAsTemplate(file);
      if (reading.template) templates.push(file);
      else if (reading.problem !== undefined) notes.push(`not read: ${reading.problem}`);
    }
    if (templates.length === 0) return [];
    const inputs = templates.map((file) => file.path);
    return [
      {
        source: 'cloudformation',
        folder: commonFolder(inputs),
        inputs,
        notes,
        run: async () =>
          importCloudFormation(
            templates.map((file) => ({ file: file.path, text: file.text })),
            { parameters: [] },
          ),
      },
    ];
  },
};

/** The deepest folder that holds every path ('' for the top). */
function commonFolder(paths: readonly string[]): string {
  let common = folderOf(paths[0]!).split('/');
  for (const each of paths.slice(1)) {
    const parts = folderOf(each).split('/');
    let same = 0;
    while (same < common.length && same < parts.length && common[same] === parts[same]) same++;
    common = common.slice(0, same);
  }
  return common.join('/');
}
