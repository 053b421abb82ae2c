// `policy.objectives`: recovery targets per kind of disruption, general and per tier, read in
// seconds with their place; anything else refused at its place with a "did you mean".

import { describe, expect, it } from 'vitest';
import { parseManifestText } from '../../src/manifest/load.js';
import { RECOVERY } from './good-manifests.js';
import { expectErrors, parseErrors } from './helpers.js';

describe('policy.objectives', () => {
  it('reads general and per-tier targets in seconds, with where each is written', () => {
    const policy = parseManifestText(RECOVERY, 'orders.yaml').policy!;
    const at = (line: number, column: number) => ({ file: 'orders.yaml', line, column });
    expect(policy.objectives).toEqual({
      targets: {
        component: { rto: 900, rpo: 300, position: at(4, 16) },
        zone: { rto: 1800, position: at(5, 11) },
        region: { rto: 14_400, rpo: 3600, position: at(6, 13) },
        provider: { rpo: 86_400, position: at(7, 15) },
      },
      tiers: { critical: { region: { rto: 3600, rpo: 60, position: at(9, 15) } } },
    });
    expect(policy.rules).toEqual([]);
    expect(policy.defaults).toBe(true);
  });

  it('is left out of a policy that does not declare it', () => {
    const policy = parseManifestText(
      'version: 1\npolicy: { rules: [] }\nservices: { a: {} }\n',
    ).policy!;
    expect(Object.keys(policy)).toEqual(['defaults', 'rules']);
  });

  it('refuses unknown kinds, tiers and keys, empty targets and bad durations, at their place', () => {
    const errors = parseErrors(`version: 1
policy:
  objectives:
    regoin: { rto: 1h }
    zone: {}
    component: { rto: soon, rpo: 1m }
    provider: { rto: 1h, rtp: 1h }
    critical: { zones: { rto: 1h } }
    low: 5
services:
  a: {}
`);
    expectErrors(errors, [
      { file: 'shop.yaml', line: 4, column: 5, phrase: 'did you mean "region"?' },
      { file: 'shop.yaml', line: 5, column: 11, phrase: 'rto, rpo or both' },
      { file: 'shop.yaml', line: 6, column: 23, phrase: 'rto must be a duration' },
      { file: 'shop.yaml', line: 7, column: 26, phrase: 'did you mean "rto"?' },
      { file: 'shop.yaml', line: 8, column: 17, phrase: 'did you mean "zone"?' },
      {
        file: 'shop.yaml',
        line: 9,
        column: 10,
        phrase: 'must be a mapping of kinds of disruption',
      },
    ]);
  });

  it('must be a mapping', () => {
    const errors = parseErrors(
      'version: 1\npolicy: { objectives: [region] }\nservices: { a: {} }\n',
    );
    expectErrors(errors, [
      { file: 'shop.yaml', line: 2, column: 23, phrase: 'policy.objectives must be a mapping' },
    ]);
  });
});
