// `import terraform`: services, zones, regions and redundancy from `terraform show -json` of a
// plan or a state, or from a raw state file (version 4). Several files import together, so that
// a subnet of one state gives its zone to an instance of another. Never runs Terraform, never
// fetches a module, never copies an attribute value it does not need.

import { buildServices } from '../iac/build-services.js';
import type { IacModel, IacResource } from '../iac/iac-model.js';
import { newResource } from '../iac/iac-model.js';
import { sortedReport, type IacImportResult } from '../iac/import-report.js';
import { Diagnostics } from '../shared/diagnostics.js';
import { importResult, type SourceText } from '../shared/imported-manifest.js';
import { addressId } from './addresses.js';
import { attribute, stringAttribute, stringsAttribute, UNKNOWN } from './attributes.js';
import {
  capacityFacts,
  copySource,
  declaredCopies,
  regionFacts,
  replicaFacts,
  zoneFacts,
} from './facts.js';
import { readTfInput, type TfInput, type TfInstance } from './instances.js';
import { providerRegion } from './provider-region.js';
import { stringLeaves, tfReferences, type TfReferences } from './references.js';
import { cloudOf, tfType } from './resource-types.js';

interface Loaded {
  file: string;
  input: TfInput;
  references: TfReferences;
}

export function importTerraform(inputs: readonly SourceText[]): IacImportResult {
  const diagnostics = new Diagnostics();
  const loaded: Loaded[] = [];
  for (const source of inputs) {
    let document: unknown;
    try {
      document = JSON.parse(source.text);
    } catch (error) {
      const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
      diagnostics.error(
        { file: source.file },
        `not JSON (${message}); give \`terraform show -json\` output or a state file`,
      );
      continue;
    }
    const input = readTfInput(document);
    if (typeof input === 'string') {
      diagnostics.error({ file: source.file }, input);
      continue;
    }
    loaded.push({ file: source.file, input, references: tfReferences(input) });
  }
  const model: IacModel = { resources: [], notUnderstood: [], caveats: [] };
  const shapes = loaded.map((l) => `${l.file}: ${SHAPE_NAMES[l.input.shape]}`);
  model.caveats.push(...shapes.map((s) => `Read ${s}.`));
  model.caveats.push(
    'Zones and regions come from the resources; where they are not known they are left out (see the import report).',
  );
  if (!diagnostics.hasErrors) interpret(loaded, model);
  const built = buildServices(model, 'terraform');
  const result = importResult('terraform', inputs, model.caveats, built.services, diagnostics);
  return { ...result, report: sortedReport(built.report) };
}

const SHAPE_NAMES = {
  plan: 'a plan (terraform show -json), planned values',
  state: 'a state (terraform show -json)',
  'raw-state': 'a raw state file (version 4)',
} as const;

function interpret(loaded: readonly Loaded[], model: IacModel): void {
  // An address in two files (two workspaces) is told apart by its file.
  const seen = new Map<string, number>();
  for (const l of loaded)
    for (const i of l.input.instances) seen.set(i.address, (seen.get(i.address) ?? 0) + 1);
  const keyOf = (file: string, address: string) =>
    (seen.get(address) ?? 0) > 1 ? `${file}/${address}` : address;
  const globalIds = new Map<string, string>();
  for (const l of loaded) {
    for (const [id, address] of l.references.byId) {
      if (!globalIds.has(id)) globalIds.set(id, keyOf(l.file, address));
    }
  }
  const byKey = new Map<string, { resource: IacResource; instance: TfInstance }>();
  for (const l of loaded) {
    for (const instance of l.input.instances) {
      const key = keyOf(l.file, instance.address);
      const entry = tfType(instance.type, instance.mode);
      const resource = newResource(key, instance.type, l.file, entry.role);
      resource.idCandidates = [addressId(key)];
      resource.kind = entry.kind;
      resource.scope = entry.scope ?? 'regional';
      const cloud = cloudOf(instance.type);
      resource.provider = cloud;
      for (const [target, explicit] of l.references.refs.get(instance.address) ?? []) {
        resource.refs.push({ target: keyOf(l.file, target), explicit });
      }
      // Values equal to another instance's id or ARN, in any of the files.
      const named = new Set(resource.refs.map((ref) => ref.target));
      for (const text of stringLeaves(instance)) {
        const target = globalIds.get(text);
        if (target === undefined || target === key || named.has(target)) continue;
        named.add(target);
        resource.refs.push({ target, explicit: false });
      }
      if (instance.mode === 'data') resource.notes.push('a data source');
      regionFacts(instance, cloud, resource);
      if (entry.role === 'subnet' || entry.role === 'service' || entry.role === 'member') {
        zoneFacts(instance, resource);
      }
      if (resource.region?.source !== 'region attribute' && l.input.configuration && cloud) {
        const fallback = providerRegion(
          l.input,
          l.references.configBlocks.get(instance.address),
          instance,
        );
        if (fallback) resource.regionFallback = fallback;
      }
      if (entry.spread) capacityFacts(instance, resource);
      const replicas = replicaFacts(instance, resource);
      if (replicas && replicas.length > 1) resource.replicas = replicas;
      else delete resource.replicas;
      const placedBySubnets = [...(l.references.refs.get(instance.address)?.keys() ?? [])].some(
        (target) =>
          tfType(typeOfAddress(target), target.includes('data.') ? 'data' : 'managed').role ===
          'subnet',
      );
      if (!resource.spread?.zones) {
        for (const path of entry.subnets ?? []) {
          unresolvedSubnets(instance, path, placedBySubnets, globalIds, resource);
        }
      }
      if (entry.role === 'skip' && cloud) {
        model.notUnderstood.push({
          file: l.file,
          what: `${instance.address}: type ${instance.type} is not known to this importer`,
        });
      }
      byKey.set(key, { resource, instance });
      model.resources.push(resource);
    }
  }
  linkCopies(byKey, globalIds);
}

/** Subnet ids that point at no subnet of the input, and subnets not known until apply. */
function unresolvedSubnets(
  instance: TfInstance,
  path: readonly string[],
  placedBySubnets: boolean,
  globalIds: ReadonlyMap<string, string>,
  resource: IacResource,
): void {
  const values = valuesAt(instance, path);
  if (values === UNKNOWN) {
    // Known through the configuration's references to subnets, or not known at all.
    if (!placedBySubnets) {
      resource.unresolvedPlacement.push(
        `${path.filter((p) => p !== '*').join('.')} is not known until apply`,
      );
    }
    return;
  }
  for (const id of values) {
    if (!globalIds.has(id)) resource.unresolvedPlacement.push(`${id} (not in the input)`);
  }
}

function typeOfAddress(address: string): string {
  const parts = address.replace(/\[[^\]]*\]/g, '').split('.');
  return parts[parts.length - 2] ?? '';
}

/** The strings at a path with `*` steps over lists, or UNKNOWN when any part is unknown. */
function valuesAt(instance: TfInstance, path: readonly string[]): string[] | typeof UNKNOWN {
  let prefixes: (string | number)[][] = [[]];
  for (const step of path) {
    if (step !== '*') {
      prefixes = prefixes.map((p) => [...p, step]);
      continue;
    }
    const next: (string | number)[][] = [];
    for (const p of prefixes) {
      const list = attribute(instance, ...p);
      if (list === UNKNOWN) return UNKNOWN;
      if (Array.isArray(list)) list.forEach((_, i) => next.push([...p, i]));
    }
    prefixes = next;
  }
  const result: string[] = [];
  for (const p of prefixes) {
    const values = stringsAttribute(instance, ...p);
    if (values === UNKNOWN) return UNKNOWN;
    result.push(...values);
  }
  return result;
}

/** Read replicas and replicated buckets: the copy is written next to its source. */
function linkCopies(
  byKey: ReadonlyMap<string, { resource: IacResource; instance: TfInstance }>,
  globalIds: ReadonlyMap<string, string>,
): void {
  const byName = new Map<string, string>();
  for (const [key, { instance }] of byKey) {
    for (const name of ['identifier', 'name', 'bucket']) {
      const value = stringAttribute(instance, name);
      if (value && !byName.has(`${instance.type}\u0000${value}`))
        byName.set(`${instance.type}\u0000${value}`, key);
    }
  }
  for (const [key, { resource, instance }] of byKey) {
    const source = copySource(instance);
    if (source) {
      const sourceKey = globalIds.get(source) ?? byName.get(`${instance.type}\u0000${source}`);
      const target = sourceKey ? byKey.get(sourceKey)?.resource : undefined;
      if (target) {
        target.copies.push({ to: key, note: 'read replica; replication lag unknown' });
        for (const ref of resource.refs) if (ref.target === sourceKey) ref.replication = true;
      } else resource.notes.push('a read replica of a database that is not in the input');
    }
    for (const { copy, targetId } of declaredCopies(instance, resource.region?.value)) {
      const to = targetId ? globalIds.get(targetId) : undefined;
      // The replication configuration resource names its source bucket.
      let owner = resource;
      if (instance.type === 'aws_s3_bucket_replication_configuration') {
        const bucket = stringAttribute(instance, 'bucket');
        const sourceKey = bucket ? byName.get(`aws_s3_bucket\u0000${bucket}`) : undefined;
        owner = (sourceKey && byKey.get(sourceKey)?.resource) || resource;
        if (owner === resource) continue;
      }
      owner.copies.push({ ...copy, to: to ?? copy.to });
    }
  }
}
