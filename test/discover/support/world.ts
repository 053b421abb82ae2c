// The fixture world of the discover tests: the zones of fixtures/discover/world.zone served on
// 127.0.0.1, a refusing (lame) server on 127.0.0.2 at the same port, and the CLI run against them.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT, runCli, type CliRun } from '../../support/run-cli.js';
import { readZoneFile, startDnsServer, type DnsServer, type FixtureRecord } from './dns-server.js';

export const WORLD_ZONE = path.join(ROOT, 'fixtures/discover/world.zone');

export interface World {
  port: number;
  dir: string;
  /** `discover` through the fixture resolver, lame check on the same port, TLS off unless asked. */
  discover(args: string[]): Promise<CliRun>;
  /** Stops the DNS servers (the files stay), so that only a replay can still work. */
  stopDns(): Promise<void>;
  close(): Promise<void>;
}

export async function startWorld(extra: readonly FixtureRecord[] = []): Promise<World> {
  const records = [...readZoneFile(WORLD_ZONE), ...extra];
  const server: DnsServer = await startDnsServer(records);
  const lame = await startDnsServer(records, {
    address: '127.0.0.2',
    port: server.port,
    behaviour: 'refuse',
  });
  const dir = mkdtempSync(path.join(tmpdir(), 'discover-'));
  let running = true;
  const stopDns = async () => {
    if (!running) return;
    running = false;
    await server.close();
    await lame.close();
  };
  return {
    port: server.port,
    dir,
    discover: (args) =>
      runCli(
        [
          'discover',
          '--resolver',
          `127.0.0.1:${server.port}`,
          '--ns-port',
          String(server.port),
          '--timeout',
          '1s',
          ...(args.some((arg) => arg === '--tls' || arg === '--records') ? [] : ['--no-tls']),
          ...args,
        ],
        { cwd: dir },
      ),
    stopDns,
    close: async () => {
      await stopDns();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
