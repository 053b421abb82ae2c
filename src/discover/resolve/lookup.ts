// Where observations come from: the network (bounded concurrency, a timeout per question, each
// question asked once and remembered for --save-records) or a records file (offline replay; a
// question the file does not hold is answered "not in the records").

import { endpointText, queryWire, type Endpoint } from './dns-wire.js';
import {
  dnsKey,
  observationKey,
  tlsKey,
  type DnsObservation,
  type Observation,
  type QueryType,
  type TlsObservation,
} from './observation.js';
import { probeTls } from './tls-probe.js';

export interface Lookup {
  dns(server: Endpoint, name: string, type: QueryType, recursive: boolean): Promise<DnsObservation>;
  tls(server: Endpoint, name: string): Promise<TlsObservation>;
  /** Everything asked so far, in key order. */
  observations(): Observation[];
}

export interface LiveOptions {
  timeoutMs: number;
  concurrency: number;
  /** The time stamp for observations (injectable so tests can fix it). */
  now?: () => Date;
}

export function liveLookup(options: LiveOptions): Lookup {
  const asked = new Map<string, Promise<Observation>>();
  const limit = semaphore(options.concurrency);
  const now = options.now ?? (() => new Date());
  const once = <T extends Observation>(key: string, ask: () => Promise<T>): Promise<T> => {
    let pending = asked.get(key);
    if (pending === undefined) {
      pending = limit(ask).then((observation) => ({ ...observation, at: now().toISOString() }));
      asked.set(key, pending);
    }
    return pending as Promise<T>;
  };
  const settled: Observation[] = [];
  return {
    dns: (server, name, type, recursive) =>
      once(dnsKey(endpointText(server), name, type, recursive), () =>
        queryWire(server, name, type, recursive, options.timeoutMs),
      ).then((observation) => remember(settled, observation)),
    tls: (server, name) =>
      once(tlsKey(endpointText(server), name), () =>
        probeTls(server, name, options.timeoutMs),
      ).then((observation) => remember(settled, observation)),
    observations: () => sortObservations(settled),
  };
}

export function replayLookup(recorded: readonly Observation[]): Lookup {
  const byKey = new Map(recorded.map((observation) => [observationKey(observation), observation]));
  const used = new Map<string, Observation>();
  const find = (key: string): Observation | undefined => {
    const observation = byKey.get(key);
    if (observation) used.set(key, observation);
    return observation;
  };
  // A question the file cannot answer counts as unanswered, like a timeout.
  const miss = <T extends Observation>(observation: T): T => {
    used.set(observationKey(observation), observation);
    return observation;
  };
  return {
    dns: async (server, name, type, recursive) => {
      const text = endpointText(server);
      const found = find(dnsKey(text, name, type, recursive));
      if (found?.kind === 'dns') return found;
      return miss({ kind: 'dns', server: text, name, type, recursive, ...NOT_RECORDED });
    },
    tls: async (server, name) => {
      const text = endpointText(server);
      const found = find(tlsKey(text, name));
      if (found?.kind === 'tls') return found;
      return miss({ kind: 'tls', server: text, name, error: 'not in the records' });
    },
    observations: () => sortObservations([...used.values()]),
  };
}

const NOT_RECORDED = { error: 'not in the records', answers: [], authority: [] };

function remember<T extends Observation>(settled: Observation[], observation: T): T {
  if (!settled.includes(observation)) settled.push(observation);
  return observation;
}

function sortObservations(observations: readonly Observation[]): Observation[] {
  const keyed = observations.map(
    (observation) => [observationKey(observation), observation] as const,
  );
  keyed.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return keyed.map(([, observation]) => observation);
}

/** Runs at most `size` tasks at once. */
function semaphore(size: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    // A finishing task hands its slot straight to the next waiting one.
    if (running >= size) await new Promise<void>((resolve) => waiting.push(resolve));
    else running += 1;
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running -= 1;
    }
  };
}
