// The resource instances of a Terraform input, whichever of its shapes it is: `terraform show
// -json` of a plan (planned values, with the prior state's data sources) or of a state, or a raw
// state file of version 4. Addresses are rebuilt from module, type, name and index, since the
// 0.12.0 state writes them without index or module prefix.

import { isRecord, type Json } from '../shared/values.js';
import { indexText } from './addresses.js';

export interface TfInstance {
  address: string;
  module: string;
  mode: 'managed' | 'data';
  type: string;
  name: string;
  /** `registry.terraform.io/hashicorp/aws` or `aws`; the raw state keeps an alias after `]`. */
  providerName: string;
  values: Json;
  /** Leaves marked sensitive (true) in the same shape as values; never read. */
  sensitive: unknown;
  /** Leaves not known until apply (a plan's `after_unknown`). */
  unknown: unknown;
  /** Absolute addresses this instance depends on (state `depends_on` / `dependencies`). */
  dependsOn: string[];
}

export type TfShape = 'plan' | 'state' | 'raw-state';

export interface TfInput {
  shape: TfShape;
  instances: TfInstance[];
  /** The plan's configuration, when there is one. */
  configuration?: Json;
  variables?: Json;
}

/** Reads the shape of the document, or says why it cannot (as a `file: message` text). */
export function readTfInput(document: unknown): TfInput | string {
  if (!isRecord(document)) return 'not a Terraform plan or state: the JSON is not an object';
  if (typeof document['format_version'] === 'string') {
    const major = Number(document['format_version'].split('.')[0]);
    if (!(major === 0 || major === 1)) {
      return `format_version ${document['format_version']} is not supported (this importer reads 0.x and 1.x)`;
    }
    if (isRecord(document['planned_values']) || Array.isArray(document['resource_changes'])) {
      return readPlan(document);
    }
    const values = isRecord(document['values']) ? document['values'] : {};
    return { shape: 'state', instances: moduleInstances(values['root_module'], new Map()) };
  }
  if ('version' in document && 'resources' in document && document['version'] === 4) {
    return { shape: 'raw-state', instances: rawInstances(document['resources']) };
  }
  if (document['version'] === 3 || Array.isArray(document['modules'])) {
    return (
      `a version ${String(document['version'])} state (Terraform 0.11 or older) is not supported: ` +
      'run `terraform show -json` with Terraform 0.12 or later, or upgrade the state'
    );
  }
  if (typeof document['version'] === 'number') {
    return `a state of version ${document['version']} is not supported (only version 4)`;
  }
  if ('AWSTemplateFormatVersion' in document || 'Resources' in document) {
    return 'this is a CloudFormation template: use `import cloudformation`';
  }
  return 'not a Terraform plan or state: no format_version (show -json) or version (state file)';
}

function readPlan(document: Json): TfInput {
  const unknownByAddress = new Map<string, unknown>();
  const changes = Array.isArray(document['resource_changes']) ? document['resource_changes'] : [];
  for (const change of changes) {
    if (!isRecord(change) || typeof change['address'] !== 'string') continue;
    const body = isRecord(change['change']) ? change['change'] : {};
    unknownByAddress.set(change['address'], body['after_unknown']);
  }
  const planned = isRecord(document['planned_values']) ? document['planned_values'] : {};
  const instances = moduleInstances(planned['root_module'], unknownByAddress);
  // The prior state holds what exists already: data sources read at plan time carry zones.
  const prior = isRecord(document['prior_state']) ? document['prior_state'] : {};
  const priorValues = isRecord(prior['values']) ? prior['values'] : {};
  const known = new Set(instances.map((i) => i.address));
  for (const instance of moduleInstances(priorValues['root_module'], new Map())) {
    if (instance.mode === 'data' && !known.has(instance.address)) instances.push(instance);
  }
  return {
    shape: 'plan',
    instances,
    ...(isRecord(document['configuration']) ? { configuration: document['configuration'] } : {}),
    ...(isRecord(document['variables']) ? { variables: document['variables'] } : {}),
  };
}

/** Every resource of a values module tree, without recursion. */
function moduleInstances(root: unknown, unknownByAddress: Map<string, unknown>): TfInstance[] {
  const result: TfInstance[] = [];
  const stack: { module: unknown; address: string }[] = [{ module: root, address: '' }];
  while (stack.length > 0) {
    const { module, address } = stack.pop()!;
    if (!isRecord(module)) continue;
    const moduleAddress = typeof module['address'] === 'string' ? module['address'] : address;
    for (const resource of Array.isArray(module['resources']) ? module['resources'] : []) {
      if (!isRecord(resource)) continue;
      const type = String(resource['type'] ?? '');
      const name = String(resource['name'] ?? '');
      const mode = resource['mode'] === 'data' ? 'data' : 'managed';
      const local = `${mode === 'data' ? 'data.' : ''}${type}.${name}${indexText(resource['index'])}`;
      const full = moduleAddress === '' ? local : `${moduleAddress}.${local}`;
      const given = typeof resource['address'] === 'string' ? resource['address'] : full;
      result.push({
        address: full,
        module: moduleAddress,
        mode,
        type,
        name,
        providerName: String(resource['provider_name'] ?? ''),
        values: isRecord(resource['values']) ? resource['values'] : {},
        sensitive: resource['sensitive_values'],
        unknown: unknownByAddress.get(given) ?? unknownByAddress.get(full),
        dependsOn: stringList(resource['depends_on']),
      });
    }
    const children = Array.isArray(module['child_modules']) ? module['child_modules'] : [];
    for (const child of [...children].reverse())
      stack.push({ module: child, address: moduleAddress });
  }
  return result;
}

function rawInstances(resources: unknown): TfInstance[] {
  const result: TfInstance[] = [];
  for (const resource of Array.isArray(resources) ? resources : []) {
    if (!isRecord(resource)) continue;
    const module = typeof resource['module'] === 'string' ? resource['module'] : '';
    const mode = resource['mode'] === 'data' ? 'data' : 'managed';
    const type = String(resource['type'] ?? '');
    const name = String(resource['name'] ?? '');
    const instances = Array.isArray(resource['instances']) ? resource['instances'] : [];
    for (const instance of instances) {
      if (!isRecord(instance)) continue;
      const local = `${mode === 'data' ? 'data.' : ''}${type}.${name}${indexText(instance['index_key'])}`;
      result.push({
        address: module === '' ? local : `${module}.${local}`,
        module,
        mode,
        type,
        name,
        providerName: String(resource['provider'] ?? ''),
        values: isRecord(instance['attributes']) ? instance['attributes'] : {},
        sensitive: sensitivePaths(instance['sensitive_attributes']),
        unknown: undefined,
        dependsOn: stringList(instance['dependencies']),
      });
    }
  }
  return result;
}

/** A raw state's `sensitive_attributes` (lists of path steps) as a values-shaped mask. */
function sensitivePaths(paths: unknown): unknown {
  const mask: Json = {};
  for (const path of Array.isArray(paths) ? paths : []) {
    const steps = Array.isArray(path) ? path : [];
    const first = steps[0];
    if (isRecord(first) && typeof first['value'] === 'string') mask[first['value']] = true;
  }
  return mask;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
