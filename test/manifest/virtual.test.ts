// Virtual components: logical nodes that cannot fail by themselves. The loader refuses what
// would let them fail (an SLA, a failure domain) and keeps the file's defaults of those off
// them; simulate refuses to fail one.

import { describe, expect, it } from 'vitest';
import { ManifestErrors } from '../../src/manifest/errors.js';
import { parseManifestText } from '../../src/manifest/load.js';
import { runCli } from '../support/run-cli.js';

const CHECKOUT = `version: 1
defaults: { sla: 99.9, provider: aws, region: us-east-1 }
services:
  web: { entrypoint: true, depends_on: [checkout-path] }
  checkout-path:
    virtual: true
    depends_on: [{ any_of: [pay-a, pay-b] }, cart]
  pay-a: {}
  pay-b: { region: eu-west-1 }
  cart: {}
`;

describe('a virtual service', () => {
  it('is read with virtual: true and without the file’s failure defaults', () => {
    const path = parseManifestText(CHECKOUT).services.find((s) => s.id === 'checkout-path')!;
    expect(path.virtual).toBe(true);
    expect(path).not.toHaveProperty('sla');
    expect(path).not.toHaveProperty('provider');
    expect(path).not.toHaveProperty('region');
  });

  it('cannot have an SLA or a failure domain of its own', () => {
    const text = CHECKOUT.replace(
      '    virtual: true\n',
      '    virtual: true\n    sla: 99\n    zone: a\n',
    );
    let errors: string[] = [];
    try {
      parseManifestText(text, 'm.yaml');
    } catch (error) {
      if (!(error instanceof ManifestErrors)) throw error;
      errors = error.errors.map((e) => e.format());
    }
    expect(errors).toEqual([
      'm.yaml:7:5: service "checkout-path" is virtual: it cannot fail by itself, so it has no sla',
      'm.yaml:8:5: service "checkout-path" is virtual: it cannot fail by itself, so it has no zone',
    ]);
  });

  it('is no SPOF and has no blast radius in analyze', async () => {
    const run = await runCli(['analyze', '-', '--format', 'json'], { stdin: CHECKOUT });
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.spofs.map((s: { id: string }) => s.id)).toEqual(['cart']);
    expect(result.blastRadius.map((b: { id: string }) => b.id)).not.toContain('checkout-path');
  });

  it('cannot be failed by simulate, but shows as down when what it needs fails', async () => {
    const refused = await runCli(['simulate', '-', '--fail', 'checkout-path'], { stdin: CHECKOUT });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      'blast-radius: "checkout-path" is virtual: a virtual service cannot fail by itself; fail what it depends on\n',
    );
    const run = await runCli(['simulate', '-', '--fail', 'cart', '--format', 'json'], {
      stdin: CHECKOUT,
    });
    expect(JSON.parse(run.stdout).down).toEqual(['checkout-path', 'web']);
  });
});
