// Where data also lives, read from infrastructure as code: an RDS read replica, a DynamoDB global
// table's replicas and S3 replication become `copies` of their source, each `to` an imported
// service; `every` only where the resource states it (Replication Time Control), the lag left
// out and reported otherwise; a copy to a bucket outside the input stays a comment.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/manifest/types.js';
import { ROOT } from '../support/run-cli.js';
import { corpus, edges, importOk, loadAndAnalyze, scratch } from './support.js';

const TF = 'fixtures/iac/data-copies.tfstate.json';
const CFN = 'fixtures/iac/data-copies.yaml';

/** Each service's copies as `from -> to [every seconds]`, sorted. */
function copies(manifest: Manifest): string[] {
  return manifest.services
    .flatMap((service) =>
      (service.copies ?? []).map(
        (copy) => `${service.id} -> ${copy.to}${copy.every === undefined ? '' : ` ${copy.every}s`}`,
      ),
    )
    .sort();
}

/** Every copy names a service of the manifest, not itself. */
function expectCopiesToServices(manifest: Manifest): void {
  const ids = new Set(manifest.services.map((service) => service.id));
  for (const service of manifest.services) {
    for (const copy of service.copies ?? []) {
      expect(ids.has(copy.to)).toBe(true);
      expect(copy.to).not.toBe(service.id);
    }
  }
}

describe('Terraform', () => {
  it('read replica, global table and bucket replication are copies of their source', async () => {
    const dir = scratch({});
    const reportFile = path.join(dir, 'report.json');
    const { text, run } = await importOk(['terraform', TF, '--report', reportFile]);
    const { manifest } = loadAndAnalyze(text);
    expect(copies(manifest)).toEqual([
      'aws_db_instance.orders -> aws_db_instance.orders_reporting',
      'aws_dynamodb_table.carts -> aws_dynamodb_table.carts@eu-west-1',
      'aws_dynamodb_table.carts -> aws_dynamodb_table.carts@us-west-2',
      'aws_s3_bucket.invoices -> aws_s3_bucket.invoices_replica 900s',
    ]);
    expectCopiesToServices(manifest);
    // A global table's replica is a service in its own region, of the same kind.
    const replica = manifest.services.find((s) => s.id === 'aws_dynamodb_table.carts@eu-west-1')!;
    expect([replica.kind, replica.provider, replica.region]).toEqual([
      'database',
      'aws',
      'eu-west-1',
    ]);
    // A copy is no runtime dependency.
    expect(edges(manifest).filter((edge) => edge.includes('replica'))).toEqual([]);
    // The lag is reported where it is unknown; the bucket outside the input is a comment.
    expect(run.stderr).toContain(
      'aws_db_instance.orders -> aws_db_instance.orders_reporting: read replica; replication lag unknown',
    );
    expect(text).toContain(
      '# copy to arn:aws:s3:::acme-archive-elsewhere, which is not in the input: bucket replication; replication lag unknown',
    );
    expect(text).toContain('- { to: aws_db_instance.orders_reporting }  # replication lag unknown');
    const report = JSON.parse(readText(reportFile)) as { copies: { to: string; every?: string }[] };
    expect(report.copies).toContainEqual(
      expect.objectContaining({ to: 'aws_s3_bucket.invoices_replica', every: '15m' }),
    );
    await expect(text).toMatchFileSnapshot('../golden/import/data-copies.terraform.yaml');
  });
});

describe('CloudFormation', () => {
  it('the same three kinds of copy from a template, every from Replication Time Control', async () => {
    const { text, run } = await importOk(['cloudformation', CFN, '--region', 'us-east-1']);
    const { manifest } = loadAndAnalyze(text);
    expect(copies(manifest)).toEqual([
      'data-copies/Carts -> data-copies/Carts@ap-southeast-2',
      'data-copies/Carts -> data-copies/Carts@eu-west-1',
      'data-copies/Invoices -> data-copies/InvoicesReplica 900s',
      'data-copies/OrdersDb -> data-copies/OrdersReplica',
    ]);
    expectCopiesToServices(manifest);
    // The replica names its source and the source bucket its copy: neither is a dependency.
    expect(edges(manifest)).toEqual([]);
    expect(run.stderr).toMatch(/replication 2 \(dropped\)/);
    await expect(text).toMatchFileSnapshot('../golden/import/data-copies.cloudformation.yaml');
  });

  it('without --region, which replica of a global table is the table itself is not known: none written', async () => {
    const table = corpus(
      'cloudformation/aws-dynamodb-examples/infrastructure_as_code/cloudformation/global_tables/GlobalTable_OnDemand.json',
    );
    const without = await importOk(['cloudformation', table]);
    expect(loadAndAnalyze(without.text).manifest.services.map((s) => s.id)).toEqual([
      'GlobalTable_OnDemand/MyGlobalTable',
    ]);
    expect(without.run.stderr).toContain(
      'GlobalTable_OnDemand/MyGlobalTable: global table replicas in eu-west-1, eu-west-2, one of them in its own region; give --region',
    );
    const within = await importOk(['cloudformation', table, '--region', 'eu-west-1']);
    expect(copies(loadAndAnalyze(within.text).manifest)).toEqual([
      'GlobalTable_OnDemand/MyGlobalTable -> GlobalTable_OnDemand/MyGlobalTable@eu-west-2',
    ]);
  });
});

function readText(file: string): string {
  return readFileSync(path.isAbsolute(file) ? file : path.join(ROOT, file), 'utf8');
}
