// `import cloudformation` on real templates (fixtures/corpus/cloudformation, and every template of
// ../shared/corpus when it is there), a hand-written three-zone web tier for the round trips
// `analyze` users will recognise, and hostile input.

import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/manifest/types.js';
import { ROOT } from '../support/run-cli.js';
import { corpus, edges, importOk, loadAndAnalyze, runImport, scratch } from './support.js';

const CFN = corpus('cloudformation');
const ECS = `${CFN}/ecs-refarch-cloudformation`;
const ECS_FILES = [
  'master.yaml',
  'infrastructure/vpc.yaml',
  'infrastructure/security-groups.yaml',
  'infrastructure/load-balancers.yaml',
  'infrastructure/ecs-cluster.yaml',
  'infrastructure/lifecyclehook.yaml',
  'services/product-service/service.yaml',
  'services/website-service/service.yaml',
].map((f) => `${ECS}/${f}`);
const TEMPLATES = `${CFN}/aws-cloudformation-templates`;
const WEB = 'fixtures/iac/three-zone-web.yaml';

function service(manifest: Manifest, id: string) {
  const found = manifest.services.find((s) => s.id === id);
  expect(found, id).toBeDefined();
  return found!;
}

function zonesOf(manifest: Manifest): Record<string, string | undefined> {
  return Object.fromEntries(manifest.services.map((s) => [s.id, s.zone]));
}

/** The domains that take an entry point down, zone level only. */
function zoneSpofs(text: string): string[] {
  const { analysis } = loadAndAnalyze(text);
  return analysis.domainSpofs.filter((d) => d.level === 'zone').map((d) => d.domain);
}

function templatesBelow(dir: string): string[] {
  const found: string[] = [];
  const pending = [dir];
  while (pending.length > 0) {
    const current = pending.pop()!;
    for (const name of readdirSync(current)) {
      const full = path.join(current, name);
      if (statSync(full).isDirectory()) pending.push(full);
      else if (/\.(ya?ml|json)$/.test(name)) found.push(full);
    }
  }
  return found.sort();
}

describe('every template of the corpus', () => {
  const shared = [path.resolve(ROOT, '../shared/corpus'), path.resolve(ROOT, '../../shared/corpus')]
    .map((dir) => path.join(dir, 'cloudformation'))
    .find((dir) => existsSync(dir));
  const own = templatesBelow(path.join(ROOT, CFN));
  // The shared corpus, less the files copied into fixtures/corpus.
  const more = shared
    ? templatesBelow(shared).filter(
        (f) => !own.includes(path.join(ROOT, CFN, path.relative(shared, f))),
      )
    : [];
  const files = [...own, ...more];

  it('imports alone into a manifest our loader accepts', async () => {
    expect(files.length).toBeGreaterThanOrEqual(18);
    for (const [i, file] of files.entries()) {
      // Every other file with --region, so both paths run on every kind of template.
      const region = i % 2 === 0 ? [] : ['--region', 'eu-west-1'];
      const { text } = await importOk(['cloudformation', file, ...region]);
      loadAndAnalyze(text);
    }
  });
});

describe('the ECS reference architecture (8 nested stacks)', () => {
  it('resolves the nested stacks, their outputs and parameters into one graph', async () => {
    const { text, run } = await importOk(['cloudformation', ...ECS_FILES, '--region', 'eu-west-1']);
    const { manifest, analysis } = loadAndAnalyze(text);
    // The ASG of the ECS stack gets the private subnets of the VPC stack, two zones.
    const asg = 'master/ECS/ECSAutoScalingGroup';
    expect(service(manifest, asg).virtual).toBe(true);
    expect(service(manifest, `${asg}@eu-west-1/az-slot-0`).zone).toBe('eu-west-1/az-slot-0');
    expect(service(manifest, `${asg}@eu-west-1/az-slot-1`).region).toBe('eu-west-1');
    // Each zone's instances go out through the NAT gateway of their zone.
    expect(edges(manifest)).toEqual(
      expect.arrayContaining([
        `${asg}@eu-west-1/az-slot-0 -> master/VPC/NatGateway1`,
        `${asg}@eu-west-1/az-slot-1 -> master/VPC/NatGateway2`,
        'master/ALB/LoadBalancer -> master/ProductService/Service',
        'master/ALB/LoadBalancer -> master/WebsiteService/Service',
        'master/ECS/ECSCluster -> master/ECS/ECSAutoScalingGroup',
        'master/ProductService/Service -> master/ECS/ECSCluster',
      ]),
    );
    // IAM roles and log groups are deploy-order only: no service depends on them.
    expect(text).not.toMatch(/ServiceRole|LogGroup|CloudWatchLogsGroup/);
    expect(run.stderr).toMatch(/dropped \(deploy-order only\) \(17\): .*AWS::IAM::Role 6/);
    expect(analysis.domainSpofs.filter((d) => d.level === 'zone')).toEqual([]);
    expect(manifest.services.filter((s) => s.entrypoint).map((s) => s.id)).toEqual([
      'master/ALB/LoadBalancer',
    ]);
    await expect(text).toMatchFileSnapshot('../golden/import/ecs-refarch.cloudformation.yaml');
  });

  it('a template named by a nested stack but not given is reported, not guessed', async () => {
    const { run, text } = await importOk(['cloudformation', `${ECS}/master.yaml`]);
    expect(run.stderr).toContain('nested stack VPC: its template');
    expect(run.stderr).toContain('is not among the files given');
    expect(loadAndAnalyze(text).manifest.services).toEqual([]);
  });
});

describe('zones from the forms templates write them in', () => {
  it('AZ slots: the public and the private subnet of slot 0 are one zone; JSON reads like YAML', async () => {
    const yaml = await importOk([
      'cloudformation',
      `${TEMPLATES}/VPC/VPC_With_Managed_NAT_And_Private_Subnet.yaml`,
    ]);
    const json = await importOk([
      'cloudformation',
      `${TEMPLATES}/VPC/VPC_With_Managed_NAT_And_Private_Subnet.json`,
    ]);
    const zones = (text: string) => Object.values(zonesOf(loadAndAnalyze(text).manifest)).sort();
    expect(zones(yaml.text)).toEqual(['AWS::Region/az-slot-0', 'AWS::Region/az-slot-1']);
    expect(zones(json.text)).toEqual(zones(yaml.text));
    // No --region: the region is unknown and said so.
    expect(yaml.run.stderr).toContain('region unknown (2 of 2 services)');
  });

  it('a zone read from another resource (!GetAtt Subnet.AvailabilityZone)', async () => {
    const { text } = await importOk([
      'cloudformation',
      `${TEMPLATES}/DMS/DMSAuroraToS3FullLoadAndOngoingReplication.yaml`,
      '--region',
      'us-east-1',
    ]);
    const { manifest } = loadAndAnalyze(text);
    const dms = manifest.services.find((s) => s.id.endsWith('/DMSReplicationInstance'));
    expect(dms?.zone).toBe('us-east-1/az-slot-0');
  });

  it('node group of min/max 2 over three zones: 2 of 3 zones must be up', async () => {
    const { text, run } = await importOk(['cloudformation', `${TEMPLATES}/EKS/template.yaml`]);
    const group = loadAndAnalyze(text).manifest.services.find(
      (s) => s.id === 'template/ManagedNodeGroup',
    );
    expect(group?.dependsOn[0]).toMatchObject({ group: true, quorum: 2 });
    expect(group?.dependsOn[0]?.alternatives).toHaveLength(3);
    expect(run.stderr).toContain(
      'template/ManagedNodeGroup: spread over 3 zones, 2 running, 2 of 3',
    );
  });

  it('a Fargate service wired to its cluster stack by Fn::ImportValue', async () => {
    const fargate = `${TEMPLATES}/ECS/FargateLaunchType`;
    const alone = await importOk([
      'cloudformation',
      `${fargate}/services/private-subnet-public-service.yaml`,
    ]);
    expect(alone.run.stderr).toContain('(no stack given exports it)');
    const { text } = await importOk([
      'cloudformation',
      `${fargate}/clusters/private-vpc.yaml`,
      `${fargate}/services/private-subnet-public-service.yaml`,
    ]);
    const { manifest } = loadAndAnalyze(text);
    expect(edges(manifest)).toEqual(
      expect.arrayContaining([
        'private-subnet-public-service/Service -> private-vpc/ECSCluster',
        'private-vpc/PublicLoadBalancer -> private-subnet-public-service/Service',
      ]),
    );
    expect(
      service(manifest, 'private-subnet-public-service/Service@AWS::Region/az-slot-1').zone,
    ).toBe('AWS::Region/az-slot-1');
  });
});

describe('redundancy and copies', () => {
  it('ElastiCache with automatic failover is a failover pair; an unknown tag is a warning', async () => {
    const { text, run } = await importOk([
      'cloudformation',
      `${TEMPLATES}/ElastiCache/Elasticache-snapshot.yaml`,
    ]);
    expect(run.stderr).toMatch(
      /Elasticache-snapshot\.yaml:\d+:\d+: warning: tag !Rain::Embed is not CloudFormation/,
    );
    const { manifest } = loadAndAnalyze(text);
    const group = service(manifest, 'Elasticache-snapshot/RedisReplicationGroup');
    expect(group.virtual).toBe(true);
    expect(group.dependsOn[0]?.alternatives).toEqual([
      'Elasticache-snapshot/RedisReplicationGroup@primary',
      'Elasticache-snapshot/RedisReplicationGroup@replica-1',
    ]);
  });

  it('Fn::ForEach makes one service per item', async () => {
    const { text } = await importOk([
      'cloudformation',
      `${TEMPLATES}/CloudFormation/fn-foreach-ddb.yaml`,
    ]);
    expect(loadAndAnalyze(text).manifest.services.map((s) => s.id)).toHaveLength(4);
  });

  it('global-table replicas and bucket replication are copies of their source', async () => {
    const table = await importOk([
      'cloudformation',
      `${corpus('cloudformation/aws-dynamodb-examples/infrastructure_as_code/cloudformation/global_tables')}/GlobalTable_OnDemand.json`,
      '--region',
      'eu-west-1',
    ]);
    expect(table.text).toContain(
      '- { to: GlobalTable_OnDemand/MyGlobalTable@eu-west-2 }  # replication lag unknown',
    );
    expect(table.run.stderr).toContain('data copies (1)');
    const buckets = await importOk([
      'cloudformation',
      corpus('cloudformation/serverless-patterns/s3-s3-replication-sam/template.yaml'),
    ]);
    expect(buckets.text).toContain('- { to: template/BucketReplica }  # replication lag unknown');
    expect(buckets.run.stderr).toContain('same stack, so the same region');
    // The source bucket names its replica: replication, not a dependency.
    expect(edges(loadAndAnalyze(buckets.text).manifest)).toEqual([]);
  });
});

describe('round trips through analyze', () => {
  it('three zones, a NAT gateway per zone: no zone takes the site down', async () => {
    const { text, run } = await importOk(['cloudformation', WEB, '--region', 'us-east-1']);
    expect(zoneSpofs(text)).toEqual([]);
    const { manifest } = loadAndAnalyze(text);
    expect(service(manifest, 'three-zone-web/LoadBalancer').entrypoint).toBe(true);
    expect(edges(manifest)).toContain('three-zone-web/WebGroup -> three-zone-web/Database');
    expect(run.stderr).toContain('three-zone-web/Database: failover, 1 of 2');
    await expect(text).toMatchFileSnapshot('../golden/import/three-zone-web.cloudformation.yaml');
  });

  it('the same tier cut to one subnet: that zone is a failure-domain SPOF', async () => {
    const cut = readFileSync(path.join(ROOT, WEB), 'utf8').replace(
      'VPCZoneIdentifier: [!Ref PrivateSubnet0, !Ref PrivateSubnet1, !Ref PrivateSubnet2]',
      'VPCZoneIdentifier: [!Ref PrivateSubnet1]',
    );
    const dir = scratch({ 'three-zone-web.yaml': cut });
    const { text } = await importOk([
      'cloudformation',
      path.join(dir, 'three-zone-web.yaml'),
      '--region',
      'us-east-1',
    ]);
    expect(zoneSpofs(text)).toEqual(['provider=aws,region=us-east-1,zone=us-east-1/az-slot-1']);
  });

  it('one NAT gateway for the three private subnets: its zone is a SPOF', async () => {
    const { text } = await importOk([
      'cloudformation',
      WEB,
      '--region',
      'us-east-1',
      '--param',
      'SingleNatGateway=true',
    ]);
    expect(text).toContain('--param SingleNatGateway=true');
    expect(zoneSpofs(text)).toEqual(['provider=aws,region=us-east-1,zone=us-east-1/az-slot-0']);
    const { analysis } = loadAndAnalyze(text);
    expect(analysis.spofs.map((s) => s.id)).toEqual(['three-zone-web/NatGateway0']);
  });

  it('--report writes the import report as JSON, the same on every run', async () => {
    const dir = scratch({});
    const file = path.join(dir, 'report.json');
    const first = await importOk([
      'cloudformation',
      WEB,
      '--region',
      'us-east-1',
      '--report',
      file,
    ]);
    const report = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect(report).toMatchObject({ source: 'cloudformation', resources: 40, services: 14 });
    expect(report['edges']).toMatchObject({ network: 3, routing: 1 });
    expect(report['dropped']).toEqual({
      'AWS::IAM::InstanceProfile': 1,
      'AWS::IAM::Role': 1,
      'AWS::Logs::LogGroup': 1,
    });
    const second = await importOk(['cloudformation', WEB, '--region', 'us-east-1']);
    expect(second.text).toBe(first.text);
    expect(second.run.stderr).toBe(first.run.stderr);
  });
});

describe('hostile and unsupported input', () => {
  it('a YAML syntax error is file:line:col, exit 2, nothing written', async () => {
    const dir = scratch({ 'bad.yaml': 'Resources:\n  A: [unclosed\n' });
    const run = await runImport(['cloudformation', path.join(dir, 'bad.yaml')]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/bad\.yaml:\d+:\d+: YAML syntax error/);
  });

  it('a file that is no template says so', async () => {
    const dir = scratch({ 'a.yaml': 'services: {}\n', 'b.json': '[1, 2]' });
    const run = await runImport([
      'cloudformation',
      path.join(dir, 'a.yaml'),
      path.join(dir, 'b.json'),
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'a.yaml: not a CloudFormation template: it has no Resources mapping',
    );
    expect(run.stderr).toContain('b.json: not a CloudFormation template');
  });

  it('unknown types are skipped and counted; control characters never reach the terminal', async () => {
    const template = [
      'Resources:',
      '  Thing:',
      '    Type: "Acme::Widget::\\u001b[31mRed"',
      '  Queue:',
      '    Type: AWS::SQS::Queue',
    ].join('\n');
    const dir = scratch({ 't.yaml': template });
    const { text, run } = await importOk(['cloudformation', path.join(dir, 't.yaml')]);
    expect(run.stderr).toContain('skipped (type not understood) (1)');
    expect(run.stderr).not.toContain('\u001b');
    expect(text).not.toContain('\u001b');
    expect(loadAndAnalyze(text).manifest.services.map((s) => s.id)).toEqual(['t/Queue']);
  });

  it('deep nesting and a long chain of conditions neither crash nor hang', async () => {
    const depth = 20_000;
    const nested = `${'['.repeat(depth)}1${']'.repeat(depth)}`;
    const conditions = Array.from({ length: 2_000 }, (_, i) =>
      i === 0 ? '  C0: !Equals [a, a]' : `  C${i}: !Not [!Condition C${i - 1}]`,
    );
    const template = [
      'Conditions:',
      ...conditions,
      'Resources:',
      '  Queue:',
      '    Type: AWS::SQS::Queue',
      '    Condition: C1998',
      `    Properties: { Tags: ${nested} }`,
    ].join('\n');
    const dir = scratch({ 'deep.yaml': template });
    const run = await runImport(['cloudformation', path.join(dir, 'deep.yaml')]);
    expect([0, 2]).toContain(run.code);
    expect(run.stderr).not.toMatch(/at .*\.js:\d+/); // no stack trace
  });

  it('a large template (2,000 subnets and instances) imports', async () => {
    const lines = ['Resources:'];
    for (let i = 0; i < 1_000; i++) {
      lines.push(
        `  Subnet${i}:`,
        '    Type: AWS::EC2::Subnet',
        `    Properties: { AvailabilityZone: !Select [${i % 3}, !GetAZs ''] }`,
        `  Host${i}:`,
        '    Type: AWS::EC2::Instance',
        `    Properties: { SubnetId: !Ref Subnet${i} }`,
      );
    }
    const dir = scratch({ 'big.yaml': lines.join('\n') });
    const { text } = await importOk(['cloudformation', path.join(dir, 'big.yaml')]);
    const { manifest } = loadAndAnalyze(text);
    expect(manifest.services).toHaveLength(1_000);
    expect(service(manifest, 'big/Host4').zone).toBe('AWS::Region/az-slot-1');
  });
});
