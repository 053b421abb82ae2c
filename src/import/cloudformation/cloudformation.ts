// `import cloudformation`: services, zones and redundancy from CloudFormation templates (YAML or
// JSON). Nested stacks resolve among the files given, `Fn::ImportValue` across them. A template
// names no region: `--region` sets it, else it stays unknown; an Availability Zone slot
// (`!Select [i, !GetAZs '']`) is a symbolic zone of that region, the same slot the same zone.

import { buildServices } from '../iac/build-services.js';
import { newResource, type IacModel, type IacResource } from '../iac/iac-model.js';
import { sortedReport, type IacImportResult } from '../iac/import-report.js';
import { Diagnostics } from '../shared/diagnostics.js';
import { importResult, type SourceText } from '../shared/imported-manifest.js';
import { isRecord, type Json } from '../shared/values.js';
import { Evaluator, isSymbolic, resourcesIn } from './intrinsics.js';
import { resourceFacts } from './resource-facts.js';
import { cfnType } from './resource-types.js';
import { StackSet, type Stack, type Template } from './stacks.js';
import { readTemplate } from './template-text.js';

export interface CloudFormationOptions {
  region?: string;
  /** `Name=value` texts from --param. */
  parameters: readonly string[];
}

export function importCloudFormation(
  inputs: readonly SourceText[],
  options: CloudFormationOptions,
): IacImportResult {
  const diagnostics = new Diagnostics();
  const parameters = new Map<string, string>();
  for (const text of options.parameters) {
    const equals = text.indexOf('=');
    if (equals <= 0) diagnostics.error({ file: '--param' }, `${text}: expected Name=value`);
    else parameters.set(text.slice(0, equals), text.slice(equals + 1));
  }
  const templates: Template[] = [];
  for (const source of inputs) {
    const text = readTemplate(source.text, source.file, diagnostics);
    if (text === undefined) continue;
    if (!isRecord(text.value['Resources'])) {
      diagnostics.error(
        { file: source.file },
        'not a CloudFormation template: it has no Resources mapping',
      );
      continue;
    }
    templates.push({ file: source.file, text });
  }
  const model: IacModel = { resources: [], notUnderstood: [], caveats: [] };
  model.caveats.push(
    options.region
      ? `Region ${options.region} (from --region); zones named az-slot-N are the region's Availability Zones by position.`
      : 'No --region: regions are unknown; zones named AWS::Region/az-slot-N are Availability Zones by position.',
  );
  if (!diagnostics.hasErrors) {
    const set = new StackSet(templates, {
      ...(options.region ? { region: options.region } : {}),
      parameters,
    });
    model.notUnderstood.push(...set.missingTemplates);
    const replicas: ReplicaOf[] = [];
    for (const stack of set.stacks) interpretStack(stack, options.region, model, replicas);
    linkReplicas(model, replicas);
  }
  const built = buildServices(model, 'cloudformation');
  const result = importResult('cloudformation', inputs, model.caveats, built.services, diagnostics);
  return { ...result, report: sortedReport(built.report) };
}

/** A read replica and the key of the database it copies. */
interface ReplicaOf {
  source: string;
  replica: string;
}

function interpretStack(
  stack: Stack,
  region: string | undefined,
  model: IacModel,
  replicas: ReplicaOf[],
): void {
  let omitted = 0;
  for (const [id, resource] of stack.resources) {
    const condition = resource['Condition'];
    if (typeof condition === 'string' && stack.scope.condition(condition) !== true) {
      omitted++;
      continue;
    }
    const type = typeof resource['Type'] === 'string' ? resource['Type'] : '';
    const key = `${stack.name}/${id}`;
    const place = stack.template.text.places.get(id);
    const properties = isRecord(resource['Properties']) ? resource['Properties'] : {};
    const entry = cfnType(type);
    const clusterMember =
      (type === 'AWS::RDS::DBInstance' || type.endsWith('::DBInstance')) &&
      properties['DBClusterIdentifier'] !== undefined;
    const r = newResource(key, type, stack.template.file, clusterMember ? 'member' : entry.role);
    if (place) Object.assign(r, place);
    r.kind = entry.kind;
    r.scope = entry.scope ?? 'regional';
    r.provider = 'aws';
    if (region && r.scope !== 'global') r.region = { value: region, source: '--region' };
    if (type === 'AWS::CloudFormation::Stack') {
      if (stack.children.has(id)) r.notes.push('a nested stack');
      else r.role = 'skip';
    }
    const evaluator = new Evaluator(stack.scope);
    const evaluated = evaluator.evaluate(properties);
    const props: Json = isRecord(evaluated) ? evaluated : {};
    // Resources named here, and those a parameter, output or export brought in.
    const refs = new Set([...evaluator.refs, ...resourcesIn(evaluated)]);
    for (const ref of [...refs].sort())
      if (ref !== key) r.refs.push({ target: ref, explicit: false });
    const dependsOn = resource['DependsOn'];
    for (const target of Array.isArray(dependsOn) ? dependsOn : [dependsOn]) {
      if (typeof target === 'string' && stack.resources.has(target)) {
        r.refs.push({ target: `${stack.name}/${target}`, explicit: true });
      }
    }
    resourceFacts(r, props);
    const source = props['SourceDBInstanceIdentifier'];
    if (isSymbolic(source) && source.sym === 'resource')
      replicas.push({ source: source.key, replica: key });
    else if (source !== undefined)
      r.notes.push('a read replica of a database that is not in the input');
    for (const path of entry.subnets ?? []) unresolvedSubnets(valueAt(props, path), r);
    if (r.role === 'skip' && type !== 'AWS::CloudFormation::Stack') {
      model.notUnderstood.push({
        file: stack.template.file,
        what: `${key}: type ${type || '(none)'} is not known to this importer`,
      });
    }
    model.resources.push(r);
  }
  if (omitted > 0) {
    model.caveats.push(
      `${stack.name}: ${omitted} resources left out, their conditions being false.`,
    );
  }
  for (const condition of [...stack.unknownConditions].sort()) {
    model.notUnderstood.push({
      file: stack.template.file,
      what: `condition ${condition} of ${stack.name} depends on a parameter with no value; taken as false (give it with --param)`,
    });
  }
}

/** A read replica is written next to the database it copies. */
function linkReplicas(model: IacModel, replicas: readonly ReplicaOf[]): void {
  const byKey = new Map(model.resources.map((r) => [r.key, r]));
  for (const { source, replica } of replicas) {
    byKey.get(source)?.copies.push({ to: replica, note: 'read replica; replication lag unknown' });
    for (const ref of byKey.get(replica)?.refs ?? [])
      if (ref.target === source) ref.replication = true;
  }
}

function unresolvedSubnets(value: unknown, r: IacResource): void {
  const items: unknown[] = value === undefined ? [] : [value];
  while (items.length > 0) {
    const item = items.pop();
    if (typeof item === 'string') r.unresolvedPlacement.push(`${item} (not in the input)`);
    else if (isSymbolic(item) && item.sym === 'unknown') r.unresolvedPlacement.push(item.why);
    else if (Array.isArray(item)) items.push(...item);
  }
}

function valueAt(props: Json, path: readonly string[]): unknown {
  let values: unknown[] = [props];
  for (const step of path) {
    if (step === '*') values = values.flatMap((v) => (Array.isArray(v) ? v : []));
    else values = values.map((v) => (isRecord(v) && !isSymbolic(v) ? v[step] : undefined));
  }
  const defined = values.filter((v) => v !== undefined);
  return defined.length === 0 ? undefined : defined.length === 1 ? defined[0] : defined;
}
