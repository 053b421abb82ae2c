// `import terraform` on real plans and states (fixtures/corpus/terraform, and every file of
// ../shared/corpus/terraform when it is there): AWS, Google Cloud and Azure, the four input shapes,
// what stays unknown, and hostile input (sensitive and unknown values, huge and deep files).

import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/manifest/types.js';
import { ROOT } from '../support/run-cli.js';
import { corpus, edges, importOk, loadAndAnalyze, runImport, scratch } from './support.js';

const TF = corpus('terraform');
const TERRAGOAT = `${TF}/checkov/tests/terraform/runner/resources/plan/tfplan.json`;
const CLOUD_SQL = `${TF}/terraform-validator/testdata/templates/full_sql_database_instance.tfplan.json`;
const REGULA = `${TF}/regula/rego/tests/lib/inputs/resource_view_07_infra.json`;
const RAW_V4 = `${TF}/inframap/generate/testdata/repeated_modules.json`;
const RAW_V3 = `${TF}/inframap/generate/testdata/version_3_state.json`;
const V6 = 'fixtures/iac/aws-v6-plan.json';

function service(manifest: Manifest, id: string) {
  const found = manifest.services.find((s) => s.id === id);
  expect(found, id).toBeDefined();
  return found!;
}

function labels(manifest: Manifest, id: string) {
  const { provider, region, zone } = service(manifest, id);
  return { provider, region, zone };
}

function filesBelow(dir: string): string[] {
  const found: string[] = [];
  const pending = [dir];
  while (pending.length > 0) {
    const current = pending.pop()!;
    for (const name of readdirSync(current)) {
      const full = path.join(current, name);
      if (statSync(full).isDirectory()) pending.push(full);
      else found.push(full);
    }
  }
  return found.sort();
}

describe('every Terraform file of the corpus', () => {
  const shared = [path.resolve(ROOT, '../shared/corpus'), path.resolve(ROOT, '../../shared/corpus')]
    .map((dir) => path.join(dir, 'terraform'))
    .find((dir) => existsSync(dir));
  const own = filesBelow(path.join(ROOT, TF));
  // The shared corpus, less the files copied into fixtures/corpus.
  const more = shared
    ? filesBelow(shared).filter((f) => !own.includes(path.join(ROOT, TF, path.relative(shared, f))))
    : [];
  const files = [...own, ...more];

  it('imports into a manifest our loader accepts, or refuses the v3 state with file: message', async () => {
    expect(files.length).toBeGreaterThanOrEqual(12);
    for (const file of files) {
      if (file.endsWith('version_3_state.json')) continue;
      const { text } = await importOk(['terraform', file]);
      loadAndAnalyze(text);
    }
  });

  it('a raw state of version 3 is refused, saying what to do instead', async () => {
    const run = await runImport(['terraform', RAW_V3]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(
      `${RAW_V3}: a version 3 state (Terraform 0.11 or older) is not supported: run \`terraform show -json\``,
    );
  });
});

describe("TerraGoat's plan (checkov)", () => {
  it('labels zones and regions, drops IAM and KMS edges, and shows the zone SPOF', async () => {
    const { text, run } = await importOk(['terraform', TERRAGOAT]);
    const { manifest, analysis } = loadAndAnalyze(text);
    // One subnet: a single-zone load balancer; both instances in the same zone.
    expect(labels(manifest, 'aws_elb.weblb')).toEqual({
      provider: 'aws',
      region: 'us-west-2',
      zone: 'us-west-2a',
    });
    expect(labels(manifest, 'aws_instance.web_host').zone).toBe('us-west-2a');
    expect(labels(manifest, 'aws_instance.db_app').zone).toBe('us-west-2a');
    expect(edges(manifest)).toContain('aws_elb.weblb -> aws_instance.web_host');
    // RDS without Multi-AZ, and its zone not known until apply: left out and reported.
    expect(service(manifest, 'aws_db_instance.default').zone).toBeUndefined();
    expect(run.stderr).toContain(
      'aws_db_instance.default: availability_zone is not known until apply',
    );
    expect(run.stderr).toMatch(
      /dropped \(deploy-order only\) \(19\): .*aws_iam_role 3.*aws_kms_key 1/,
    );
    expect(run.stderr).toMatch(/deploy-order \d+ \(dropped\)/);
    expect(text).not.toMatch(/aws_iam|aws_kms|password/);
    const zone = analysis.domainSpofs.find((d) => d.level === 'zone');
    expect(zone?.domain).toBe('provider=aws,region=us-west-2,zone=us-west-2a');
    expect(zone?.takesDown).toContain('aws_elb.weblb');
    await expect(text).toMatchFileSnapshot('../golden/import/terragoat.terraform.yaml');
  });
});

describe('regions and zones, from the most trustworthy source', () => {
  it('a per-resource region (AWS provider 6) wins over the provider; unknown and sensitive stay out', async () => {
    const dir = scratch({});
    const reportFile = path.join(dir, 'report.json');
    const { text, run } = await importOk(['terraform', V6, '--report', reportFile]);
    const { manifest } = loadAndAnalyze(text);
    expect(labels(manifest, 'aws_instance.frankfurt')).toEqual({
      provider: 'aws',
      region: 'eu-central-1',
      zone: 'eu-central-1b',
    });
    // The provider's region (through var.region), the zone not known until apply.
    expect(labels(manifest, 'aws_instance.home')).toEqual({
      provider: 'aws',
      region: 'us-east-1',
      zone: undefined,
    });
    expect(run.stderr).toContain('aws_instance.home: availability_zone is not known until apply');
    expect(run.stderr).toContain('aws_instance.hidden: availability_zone is marked sensitive');
    const report = readFileSync(reportFile, 'utf8');
    for (const output of [text, run.stderr, report]) {
      expect(output).not.toContain('SENSITIVE');
      expect(output).not.toContain('hunter2');
    }
    // Multi-AZ: a failover pair; the read replica is a copy, not a dependency.
    const db = service(manifest, 'aws_db_instance.main');
    expect(db.virtual).toBe(true);
    expect(labels(manifest, 'aws_db_instance.main@primary').zone).toBe('us-east-1a');
    expect(text).toContain('- { to: aws_db_instance.reporting }  # replication lag unknown');
    expect(edges(manifest)).not.toContain('aws_db_instance.reporting -> aws_db_instance.main');
    expect(JSON.parse(report)).toMatchObject({
      skipped: { acme_widget: 1, aws_brand_new_service: 1 },
      edges: { replication: 1, member: 2 },
      copies: [{ service: 'aws_db_instance.main', to: 'aws_db_instance.reporting' }],
    });
  });

  it('zones that contradict the provider region are kept and reported', async () => {
    const { text, run } = await importOk(['terraform', REGULA]);
    const { manifest } = loadAndAnalyze(text);
    expect(labels(manifest, 'aws_autoscaling_group.example')).toEqual({
      provider: 'aws',
      region: 'us-east-1',
      zone: 'us-east-1a',
    });
    expect(labels(manifest, 'aws_s3_bucket.example').region).toBe('us-west-2');
    expect(labels(manifest, 'google_compute_instance.default')).toEqual({
      provider: 'gcp',
      region: 'us-central1',
      zone: 'us-central1-a',
    });
    expect(labels(manifest, 'google_storage_bucket.example').region).toBe('US');
    expect(run.stderr).toContain('provider configuration us-west-2; kept us-east-1');
  });

  it('Cloud SQL REGIONAL is a failover pair over its zone and secondary zone', async () => {
    const { text } = await importOk(['terraform', CLOUD_SQL]);
    const { manifest } = loadAndAnalyze(text);
    const sql = 'google_sql_database_instance.main';
    expect(service(manifest, sql).dependsOn[0]?.alternatives).toEqual([
      `${sql}@primary`,
      `${sql}@standby`,
    ]);
    expect(labels(manifest, `${sql}@primary`)).toEqual({
      provider: 'gcp',
      region: 'us-central1',
      zone: 'us-central1-a',
    });
    expect(labels(manifest, `${sql}@standby`).zone).toBe('us-central1-b');
    await expect(text).toMatchFileSnapshot('../golden/import/cloud-sql.terraform.yaml');
  });

  it('an NLB over subnets whose zones are not known until apply: zone unknown, not guessed', async () => {
    const { text, run } = await importOk([
      'terraform',
      `${TF}/terraform-compliance/tests/functional/test_issue-171/plan.out.json`,
    ]);
    const lb = loadAndAnalyze(text).manifest.services.find(
      (s) => s.id === 'aws_lb.nlb-noncompliant',
    );
    expect(lb?.zone).toBeUndefined();
    expect(lb?.virtual).toBeUndefined();
    expect(run.stderr).toContain(
      'aws_lb.nlb-noncompliant: subnets without a known zone: aws_subnet.test-subnet-pubA',
    );
  });

  it('Azure: location is the region; no zones is a zone not known', async () => {
    const { text, run } = await importOk([
      'terraform',
      `${TF}/infracost/cmd/infracost/testdata/azure_firewall_plan.json`,
    ]);
    const { manifest } = loadAndAnalyze(text);
    expect(labels(manifest, 'azurerm_firewall.standard')).toEqual({
      provider: 'azure',
      region: 'eastus',
      zone: undefined,
    });
    expect(run.stderr).toContain(
      'azurerm_firewall.standard: no zones set: Azure places it in a zone it does not name',
    );
  });
});

/** Two raw states, as two teams keep them: the network's and the web tier's, joined on ids. */
function webStates(natPerZone: boolean): Record<string, string> {
  const zones = ['a', 'b', 'c'];
  const aws = 'provider["registry.terraform.io/hashicorp/aws"]';
  const one = (type: string, name: string, attributes: object) => ({
    mode: 'managed',
    type,
    name,
    provider: aws,
    instances: [{ attributes }],
  });
  const counted = (type: string, name: string, list: object[]) => ({
    mode: 'managed',
    type,
    name,
    provider: aws,
    instances: list.map((attributes, i) => ({ index_key: i, attributes })),
  });
  const nats = natPerZone ? zones : ['a'];
  const network = [
    counted(
      'aws_subnet',
      'public',
      zones.map((z) => ({ id: `subnet-pub-${z}`, availability_zone: `eu-west-1${z}` })),
    ),
    counted(
      'aws_subnet',
      'private',
      zones.map((z) => ({ id: `subnet-app-${z}`, availability_zone: `eu-west-1${z}` })),
    ),
    counted(
      'aws_nat_gateway',
      'this',
      nats.map((z) => ({ id: `nat-${z}`, subnet_id: `subnet-pub-${z}` })),
    ),
    counted(
      'aws_route_table',
      'private',
      nats.map((z) => ({ id: `rtb-${z}`, route: [{ nat_gateway_id: `nat-${z}` }] })),
    ),
    counted(
      'aws_route_table_association',
      'private',
      zones.map((z) => ({
        id: `rtbassoc-${z}`,
        subnet_id: `subnet-app-${z}`,
        route_table_id: natPerZone ? `rtb-${z}` : 'rtb-a',
      })),
    ),
  ];
  const lb =
    'arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/web/50dc6c495c0c9188';
  const tg = 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/73e2d6bc24d8a067';
  const app = [
    one('aws_lb', 'web', { id: lb, arn: lb, subnets: zones.map((z) => `subnet-pub-${z}`) }),
    one('aws_lb_target_group', 'web', { id: tg, arn: tg }),
    one('aws_lb_listener', 'http', {
      id: `${lb}/listener`,
      load_balancer_arn: lb,
      default_action: [{ target_group_arn: tg }],
    }),
    one('aws_autoscaling_group', 'web', {
      id: 'web',
      desired_capacity: 3,
      min_size: 3,
      max_size: 6,
      vpc_zone_identifier: zones.map((z) => `subnet-app-${z}`),
      target_group_arns: [tg],
    }),
  ];
  return {
    'network.tfstate': JSON.stringify({ version: 4, resources: network }),
    'web.tfstate': JSON.stringify({ version: 4, resources: app }),
  };
}

describe('round trips through analyze, from two states', () => {
  it('a NAT gateway per zone: no zone takes the site down', async () => {
    const dir = scratch(webStates(true));
    const files = ['network.tfstate', 'web.tfstate'].map((f) => path.join(dir, f));
    const { text, run } = await importOk(['terraform', ...files]);
    const { manifest, analysis } = loadAndAnalyze(text);
    expect(edges(manifest)).toEqual(
      expect.arrayContaining([
        'aws_lb.web -> aws_autoscaling_group.web',
        'aws_autoscaling_group.web@eu-west-1a -> aws_nat_gateway.this:0',
        'aws_autoscaling_group.web@eu-west-1c -> aws_nat_gateway.this:2',
      ]),
    );
    expect(service(manifest, 'aws_lb.web').entrypoint).toBe(true);
    expect(run.stderr).toContain(
      'aws_autoscaling_group.web: spread over 3 zones, 3 running, 1 of 3',
    );
    expect(analysis.domainSpofs.filter((d) => d.level === 'zone')).toEqual([]);
  });

  it('one NAT gateway for the three private subnets: its zone is a SPOF', async () => {
    const dir = scratch(webStates(false));
    const files = ['network.tfstate', 'web.tfstate'].map((f) => path.join(dir, f));
    const { text } = await importOk(['terraform', ...files]);
    const { analysis } = loadAndAnalyze(text);
    expect(analysis.domainSpofs.filter((d) => d.level === 'zone').map((d) => d.domain)).toEqual([
      'provider=aws,region=eu-west-1,zone=eu-west-1a',
    ]);
    expect(analysis.spofs.map((s) => s.id)).toEqual(['aws_nat_gateway.this:0']);
  });
});

describe('ids and shapes', () => {
  it('a raw state (v4): module instance keys encoded in readable, stable ids', async () => {
    const { text } = await importOk(['terraform', RAW_V4]);
    const ids = loadAndAnalyze(text).manifest.services.map((s) => s.id);
    expect(ids).toContain('module.ec2_ubuntu_a:0.aws_instance.this:0');
    expect(ids).toContain('module.ec2_ubuntu_a:1.aws_instance.this:0');
    expect(ids).toContain('module.vpc.aws_nat_gateway.this:0');
  });

  it('for_each keys with dots, in a state (infracost)', async () => {
    const { text } = await importOk([
      'terraform',
      `${TF}/infracost/cmd/infracost/testdata/terraform_v0.14_state.json`,
    ]);
    const { manifest } = loadAndAnalyze(text);
    expect(labels(manifest, 'aws_instance.instance_named:test.1')).toEqual({
      provider: 'aws',
      region: 'us-east-1',
      zone: 'us-east-1b',
    });
    expect(
      labels(manifest, 'module.db.module.db_1.module.db_instance.aws_db_instance.this:0').zone,
    ).toBe('us-east-1f');
  });

  it('the Terraform 0.12.0 state: addresses rebuilt; utility resources are not services', async () => {
    const { text, run } = await importOk([
      'terraform',
      `${TF}/terraform-json/testdata/no_changes/state.json`,
    ]);
    expect(loadAndAnalyze(text).manifest.services).toEqual([]);
    expect(run.stderr).toContain(
      'dropped (deploy-order only) (7): null_data_source 1, null_resource 6',
    );
  });

  it('a plan with providers and no resources is an empty manifest', async () => {
    const { text } = await importOk([
      'terraform',
      `${TF}/checkov/tests/terraform/runner/resources/plan_with_providers/tfplan.json`,
    ]);
    expect(text).toContain('services: {}');
  });

  it('the same input in another order gives the same bytes', async () => {
    const state = JSON.parse(readFileSync(path.join(ROOT, RAW_V4), 'utf8')) as {
      resources: unknown[];
    };
    const dir = scratch({
      'a.json': JSON.stringify(state),
      'b.json': JSON.stringify({ ...state, resources: [...state.resources].reverse() }),
    });
    const a = await importOk(['terraform', path.join(dir, 'a.json')]);
    const b = await importOk(['terraform', path.join(dir, 'b.json')]);
    const body = (text: string) => text.replace(/^#.*\n/gm, '');
    expect(body(b.text)).toBe(body(a.text));
  });
});

describe('hostile and unsupported input', () => {
  it('not JSON, not Terraform, a CloudFormation template, an unknown format version', async () => {
    const dir = scratch({
      'a.json': '{ nope',
      'b.json': '{"hello": 1}',
      'c.json': '{"Resources": {}}',
      'd.json': '{"format_version": "2.0", "values": {}}',
      'e.json': '{"version": 5, "resources": []}',
    });
    const names = ['a', 'b', 'c', 'd', 'e'].map((n) => path.join(dir, `${n}.json`));
    const run = await runImport(['terraform', ...names]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('a.json: not JSON');
    expect(run.stderr).toContain('b.json: not a Terraform plan or state');
    expect(run.stderr).toContain(
      'c.json: this is a CloudFormation template: use `import cloudformation`',
    );
    expect(run.stderr).toContain('d.json: format_version 2.0 is not supported');
    expect(run.stderr).toContain('e.json: a state of version 5 is not supported (only version 4)');
    expect(run.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it('a large state (1,500 instances over 3 subnets) and deeply nested attributes', async () => {
    // 100,000 nested lists in one attribute: JSON.stringify itself could not write that.
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const subnets = [0, 1, 2].map((i) => ({
      mode: 'managed',
      type: 'aws_subnet',
      name: `s${i}`,
      provider: 'provider["registry.terraform.io/hashicorp/aws"]',
      instances: [
        { attributes: { id: `subnet-000${i}`, availability_zone: `eu-west-1${'abc'[i]}` } },
      ],
    }));
    const hosts = {
      mode: 'managed',
      type: 'aws_instance',
      name: 'host',
      provider: 'provider["registry.terraform.io/hashicorp/aws"]',
      instances: Array.from({ length: 1_500 }, (_, i) => ({
        index_key: i,
        attributes: {
          id: `i-${i}`,
          subnet_id: `subnet-000${i % 3}`,
          user_data: i === 7 ? 'DEEP' : '',
        },
      })),
    };
    const state = JSON.stringify({ version: 4, resources: [...subnets, hosts] });
    const dir = scratch({ 'big.tfstate': state.replace('"DEEP"', deep) });
    const run = await importOk(['terraform', path.join(dir, 'big.tfstate')]);
    const { manifest } = loadAndAnalyze(run.text);
    expect(manifest.services).toHaveLength(1_500);
    expect(labels(manifest, 'aws_instance.host:4')).toEqual({
      provider: 'aws',
      region: 'eu-west-1',
      zone: 'eu-west-1b',
    });
  });
});
