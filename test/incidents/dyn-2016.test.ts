// fixtures/dyn-2016: the Dyn DNS DDoS of 2016-10-21, seen by three fictional sites.

import { describe, expect, it } from 'vitest';
import {
  SCHEMA_LINE,
  entryPointIds,
  firstLine,
  loadFixture,
  outage,
  statuses,
  whyOf,
} from './fixture.js';

const fixture = await loadFixture('dyn-2016');

describe('fixtures/dyn-2016', () => {
  it('loads, with the schema line and its four entry points', () => {
    expect(firstLine('dyn-2016')).toBe(SCHEMA_LINE);
    expect(fixture.manifest.name).toBe('dyn-2016');
    expect(fixture.manifest.services).toHaveLength(16);
    expect(entryPointIds(fixture)).toEqual([
      'bolt-web',
      'harbor-status',
      'harbor-web',
      'tinker-web',
    ]);
  });

  describe('Dyn fails', () => {
    const result = outage(fixture, ['dyn']);

    it('takes down the Dyn-only site, the SaaS on Dyn and whoever needs them; the dual-DNS site degrades', () => {
      expect(statuses(result)).toEqual({
        failed: ['dyn'],
        down: [
          'bolt-web',
          'github',
          'slack',
          'tinker-api',
          'tinker-deploy',
          'tinker-web',
          'twitter',
        ],
        degraded: ['harbor-web'],
        up: [
          'bolt-app',
          'bolt-db',
          'harbor-app',
          'harbor-db',
          'harbor-status',
          'route53',
          'tinker-db',
        ],
        entrypointsDown: ['bolt-web', 'tinker-web'],
        entrypointsDegraded: ['harbor-web'],
        costPerHour: 4000 + 6000,
      });
    });

    it('shows the Dyn -> GitHub -> you chain', () => {
      expect(whyOf(result, ['bolt-web', 'harbor-web', 'tinker-web', 'tinker-deploy'])).toEqual({
        'bolt-web': ['bolt-web', 'dyn'],
        'harbor-web': ['harbor-web', 'dyn'],
        'tinker-web': ['tinker-web', 'tinker-api', 'github', 'dyn'],
        'tinker-deploy': ['tinker-deploy', 'github', 'dyn'],
      });
    });
  });

  it('two DNS providers survive one of them, not both', () => {
    const result = outage(fixture, ['dyn', 'route53']);
    expect(statuses(result)).toEqual({
      failed: ['dyn', 'route53'],
      down: [
        'bolt-web',
        'github',
        'harbor-status',
        'harbor-web',
        'slack',
        'tinker-api',
        'tinker-deploy',
        'tinker-web',
        'twitter',
      ],
      degraded: [],
      up: ['bolt-app', 'bolt-db', 'harbor-app', 'harbor-db', 'tinker-db'],
      entrypointsDown: ['bolt-web', 'harbor-status', 'harbor-web', 'tinker-web'],
      entrypointsDegraded: [],
      costPerHour: 4000 + 15000 + 6000,
    });
  });
});
