// What each detector finds in a repository's files: compose projects as `docker compose` picks
// them (base file, its override, the other variants named), Kubernetes folders with something
// that runs (Helm templates and policy-only folders left out), the Backstage catalog as one,
// Terraform plans and states one by one, CloudFormation templates together; and what none of
// them mistakes for its own (package.json, Kubernetes, compose and Serverless files).

import { describe, expect, it } from 'vitest';
import { BACKSTAGE_CATALOG } from '../../src/init/detect-backstage.js';
import { CLOUDFORMATION } from '../../src/init/detect-cloudformation.js';
import { COMPOSE } from '../../src/init/detect-compose.js';
import { KUBERNETES } from '../../src/init/detect-kubernetes.js';
import { TERRAFORM } from '../../src/init/detect-terraform.js';
import { DETECTORS } from '../../src/init/detectors.js';
import type { RepositoryFile } from '../../src/init/repository-files.js';

const SERVICES = 'services:\n  web: {}\n';
const DEPLOYMENT = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web }\n';
const POLICY = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: { name: p }\n';

function files(entries: Record<string, string>): RepositoryFile[] {
  return Object.entries(entries).map(([path, text]) => ({ path, text }));
}

describe('compose', () => {
  it('takes the base file and its override, and names the other compose files', () => {
    const found = COMPOSE.find(
      files({
        'app/compose.yaml': SERVICES,
        'app/compose.override.yml': SERVICES,
        'app/compose.logging.yaml': SERVICES,
        'app/docker-compose.yml': SERVICES,
        'other/compose.test.yaml': SERVICES,
      }),
    );
    expect(found.map((each) => [each.folder, each.inputs, each.notes])).toEqual([
      [
        'app',
        ['app/compose.yaml', 'app/compose.override.yml'],
        [
          'app/compose.logging.yaml is another compose file here, not merged',
          'app/docker-compose.yml is another compose file here, not merged',
        ],
      ],
    ]);
  });

  it('reads variables from the .env beside the base file', async () => {
    const [candidate] = COMPOSE.find(
      files({
        'compose.yaml': 'services:\n  web:\n    image: ${IMAGE}\n',
        '.env': 'IMAGE=nginx\n',
      }),
    );
    const result = await candidate!.run('/');
    expect(result.diagnostics).toEqual([]);
    expect(result.manifest.caveats).toContain('Variables from .env.');
  });
});

describe('kubernetes', () => {
  it('one import per folder with a workload or Service; Helm templates and policies alone are not', () => {
    const found = KUBERNETES.find(
      files({
        'deploy/web.yaml': DEPLOYMENT,
        'deploy/policy.yaml': POLICY,
        'deploy/notes.yaml': 'title: not kubernetes\n',
        'json/web.json': JSON.stringify({ apiVersion: 'v1', kind: 'Service' }),
        'chart/templates/web.yaml': `${DEPLOYMENT}spec:\n  replicas: {{ .Values.replicas }}\n`,
        'policies/deny.yaml': POLICY,
        'dashboards/web.yaml': `${DEPLOYMENT}# legend: {{instance}}\n`,
      }),
    );
    expect(found.map((each) => each.inputs)).toEqual([
      ['deploy/web.yaml', 'deploy/policy.yaml'],
      ['json/web.json'],
      ['dashboards/web.yaml'],
    ]);
  });
});

describe('backstage', () => {
  it('imports every catalog file together', () => {
    const entity = 'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: { name: a }\n';
    const found = BACKSTAGE_CATALOG.find(
      files({ 'catalog-info.yaml': entity, 'docs/b.yaml': entity, 'c.yaml': DEPLOYMENT }),
    );
    expect(found.map((each) => each.inputs)).toEqual([['catalog-info.yaml', 'docs/b.yaml']]);
  });
});

it('the table lists each source once', () => {
  const sources = DETECTORS.map((detector) => detector.source);
  expect(new Set(sources).size).toBe(sources.length);
  expect(sources).toEqual(['kubernetes', 'compose', 'backstage', 'terraform', 'cloudformation']);
});

/** A raw state of version 4 with one instance, as `terraform.tfstate` holds. */
const RAW_STATE = JSON.stringify({
  version: 4,
  terraform_version: '1.6.0',
  serial: 3,
  lineage: 'x',
  outputs: {},
  resources: [
    {
      mode: 'managed',
      type: 'aws_instance',
      name: 'web',
      provider: 'provider["registry.terraform.io/hashicorp/aws"]',
      instances: [{ attributes: { id: 'i-1', availability_zone: 'eu-west-1a' } }],
    },
  ],
});
const SHOW_STATE = JSON.stringify({
  format_version: '1.0',
  terraform_version: '1.6.0',
  values: { root_module: { resources: [] } },
});
const PLAN = JSON.stringify({
  format_version: '1.2',
  terraform_version: '1.6.0',
  planned_values: { root_module: {} },
  resource_changes: [],
});
const TEMPLATE_YAML =
  "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Queue:\n    Type: AWS::SQS::Queue\n";
const SAM_YAML =
  'Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties: { Handler: index.handler }\n  Table:\n    Type: AWS::DynamoDB::Table\n';
const TEMPLATE_JSON = JSON.stringify({
  Resources: { Topic: { Type: 'AWS::SNS::Topic' }, Bucket: { Type: 'AWS::S3::Bucket' } },
});

/** Files that are none of the IaC inputs, though some mention their words. */
const NOT_IAC = {
  'package.json': JSON.stringify({ name: 'x', version: '1.0.0', scripts: { build: 'tsc' } }),
  'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true } }),
  'deploy/web.yaml': `${DEPLOYMENT}spec:\n  template:\n    spec:\n      containers:\n        - resources: { limits: { cpu: 1 } }\n`,
  'compose.yaml': SERVICES,
  // The Serverless Framework nests a CloudFormation `Resources` under its own `resources`.
  'serverless.yml':
    'service: api\nprovider: { name: aws }\nresources:\n  Resources:\n    Table:\n      Type: AWS::DynamoDB::Table\n',
  // An IAM policy names AWS resource types, but has no Resources mapping.
  'policy.json': JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Resource: '*', Condition: { Type: 'AWS::S3::Bucket' } }],
  }),
  // A top-level Resources mapping whose types are not AWS's.
  'other/Resources.yaml': 'Resources:\n  a:\n    Type: Custom::Thing\n',
  'terraform.tfvars.json': JSON.stringify({ region: 'eu-west-1', terraform_version: '1.6.0' }),
  'version.json': JSON.stringify({ terraform_version: '1.6.0', platform: 'linux_amd64' }),
  'schema.json': JSON.stringify({ format_version: '1.0', provider_schemas: {} }),
  'notes/terraform.yaml': 'terraform_version: 1.6.0\nformat_version: "1.0"\nvalues: {}\n',
  // Mentions the version key, but is no JSON object.
  'list.json': JSON.stringify([{ terraform_version: '1.6.0', values: {} }]),
};

describe('terraform', () => {
  it('one import per state file, show-json state or plan; other JSON and YAML are not', () => {
    const found = TERRAFORM.find(
      files({
        ...NOT_IAC,
        'envs/prod/plan.json': PLAN,
        'envs/prod/terraform.tfstate': RAW_STATE,
        'raw.json': RAW_STATE,
        'state.json': SHOW_STATE,
      }),
    );
    expect(found.map((each) => [each.folder, each.label, each.inputs])).toEqual([
      ['envs/prod', 'envs/prod/plan', ['envs/prod/plan.json']],
      ['envs/prod', 'envs/prod/terraform', ['envs/prod/terraform.tfstate']],
      ['', 'raw', ['raw.json']],
      ['', 'state', ['state.json']],
    ]);
  });

  it('a state file imports with its zone', async () => {
    const [candidate] = TERRAFORM.find(files({ 'terraform.tfstate': RAW_STATE }));
    const result = await candidate!.run('/');
    expect(result.diagnostics).toEqual([]);
    expect(result.manifest.services.map((s) => [s.id, s.zone])).toEqual([
      ['aws_instance.web', 'eu-west-1a'],
    ]);
  });
});

describe('cloudformation', () => {
  it('all templates import together, from the folder that holds them all', () => {
    const found = CLOUDFORMATION.find(
      files({
        ...NOT_IAC,
        'infra/stacks/queue.yaml': TEMPLATE_YAML,
        'infra/sam/template.yml': SAM_YAML,
        'infra/stacks/topic.json': TEMPLATE_JSON,
      }),
    );
    expect(found.map((each) => [each.folder, each.inputs, each.notes])).toEqual([
      [
        'infra',
        ['infra/stacks/queue.yaml', 'infra/sam/template.yml', 'infra/stacks/topic.json'],
        [],
      ],
    ]);
  });

  it('finds nothing among files that are not templates', () => {
    expect(CLOUDFORMATION.find(files(NOT_IAC))).toEqual([]);
    expect(TERRAFORM.find(files(NOT_IAC))).toEqual([]);
  });

  it('names a template that does not read and imports the others', async () => {
    const [candidate] = CLOUDFORMATION.find(
      files({
        'broken.yaml': "AWSTemplateFormatVersion: '2010-09-09'\nResources: [unclosed\n",
        'queue.yaml': TEMPLATE_YAML,
      }),
    );
    expect(candidate!.inputs).toEqual(['queue.yaml']);
    expect(candidate!.notes).toHaveLength(1);
    expect(candidate!.notes[0]).toMatch(/^not read: broken\.yaml:\d+:\d+: /);
    const result = await candidate!.run('/');
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.manifest.services.map((s) => s.id)).toEqual(['queue/Queue']);
  });
});
