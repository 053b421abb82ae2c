// The redundancy groups the IaC importers build, checked against a brute-force reference: a group
// of `capacity` instances over subnets in N zones must be up exactly when every way of placing
// its instances (min(capacity, N) distinct zones, which ones not known) keeps one outside the
// failed zones. And the Terraform address helpers on keys that hold dots and brackets.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildServices } from '../../src/import/iac/build-services.js';
import { newResource, type IacModel, type IacResource } from '../../src/import/iac/iac-model.js';
import type { ImportedService } from '../../src/import/shared/imported-manifest.js';
import {
  addressId,
  addressParts,
  moduleOf,
  withoutIndexes,
} from '../../src/import/terraform/addresses.js';

function webTier(zones: number, capacity: number): IacModel {
  const resources: IacResource[] = [];
  const group = newResource('web', 'aws_autoscaling_group', 'plan.json', 'service');
  group.kind = 'compute';
  group.scope = 'zonal';
  group.spread = { capacity };
  for (let z = 0; z < zones; z++) {
    const subnet = newResource(`subnet-${z}`, 'aws_subnet', 'plan.json', 'subnet');
    subnet.zone = { value: `eu-west-1${'abcdef'[z]}`, source: 'availability_zone attribute' };
    resources.push(subnet);
    group.refs.push({ target: subnet.key, explicit: false });
  }
  resources.push(group);
  return { resources, notUnderstood: [], caveats: [] };
}

/** Up under the manifest's semantics: a member is down when its zone failed. */
function groupUp(services: ImportedService[], failed: Set<string>): boolean {
  const group = services.find((s) => s.id === 'web')!;
  const members = services.filter((s) => s.id.startsWith('web@'));
  if (!group.virtual) return group.zone === undefined ? true : !failed.has(group.zone);
  const requirement = group.dependsOn[0]!;
  const up = requirement.anyOf.filter((id) => {
    const member = members.find((m) => m.id === id)!;
    return !failed.has(member.zone!);
  }).length;
  return up >= (requirement.quorum ?? 1);
}

/** The reference: up for every placement of min(capacity, N) instances in distinct zones. */
function upForEveryPlacement(zones: string[], capacity: number, failed: Set<string>): boolean {
  const k = Math.min(capacity, zones.length);
  const placements: string[][] = [];
  const pick = (start: number, chosen: string[]) => {
    if (chosen.length === k) placements.push(chosen);
    else for (let i = start; i < zones.length; i++) pick(i + 1, [...chosen, zones[i]!]);
  };
  pick(0, []);
  return placements.every((placement) => placement.some((zone) => !failed.has(zone)));
}

describe('spread groups', () => {
  it('the quorum over per-zone members matches every placement of the instances', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 2, max: 8 }),
        fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
        (zoneCount, capacity, failures) => {
          const { services } = buildServices(webTier(zoneCount, capacity), 'terraform');
          const zones = Array.from({ length: zoneCount }, (_, z) => `eu-west-1${'abcdef'[z]}`);
          const failed = new Set(zones.filter((_, z) => failures[z]));
          expect(groupUp(services, failed)).toBe(upForEveryPlacement(zones, capacity, failed));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('capacity 1 over several zones is one service whose zone is reported unknown', () => {
    const { services, report } = buildServices(webTier(3, 1), 'terraform');
    expect(services.map((s) => s.id)).toEqual(['web']);
    expect(services[0]!.zone).toBeUndefined();
    expect(report.zonesUnknown).toEqual([
      {
        service: 'web',
        reason:
          'capacity 1 over 3 zones (eu-west-1a, eu-west-1b, eu-west-1c): it runs in one of them',
      },
    ]);
  });

  it('a subnet without a known zone leaves the whole group unexpanded, with the reason', () => {
    const model = webTier(3, 3);
    delete model.resources[1]!.zone;
    const { services, report } = buildServices(model, 'terraform');
    expect(services.map((s) => s.id)).toEqual(['web']);
    expect(report.zonesUnknown[0]?.reason).toBe('subnets without a known zone: subnet-1');
  });
});

describe('Terraform addresses', () => {
  const address = 'module.sg["a.b"].module.inner[2].aws_instance.web["x.[1]"]';

  it('splits only at dots outside index keys', () => {
    expect(addressParts(address)).toEqual([
      'module',
      'sg["a.b"]',
      'module',
      'inner[2]',
      'aws_instance',
      'web["x.[1]"]',
    ]);
    expect(withoutIndexes(address)).toBe('module.sg.module.inner.aws_instance.web');
    expect(moduleOf(address)).toBe('module.sg["a.b"].module.inner[2]');
    expect(moduleOf('aws_instance.web')).toBe('');
  });

  it('ids encode index keys readably and tell instances apart', () => {
    expect(addressId(address)).toBe('module.sg:a.b.module.inner:2.aws_instance.web:x.[1]');
    expect(addressId('aws_instance.web[0]')).not.toBe(addressId('aws_instance.web[1]'));
    expect(addressId('data.aws_subnet.private')).toBe('data.aws_subnet.private');
  });
});
