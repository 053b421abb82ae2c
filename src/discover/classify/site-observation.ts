// What every vantage point saw of one site: its zone (or why none was found) and, per hostname,
// the chain with its zones and the TLS handshake.

import type { NameFacts, ZoneFacts } from '../resolve/name-walk.js';
import type { TlsObservation } from '../resolve/observation.js';

export interface HostObservation {
  host: string;
  facts: NameFacts;
  tls?: TlsObservation;
}

export interface VantageObservation {
  vantage: string;
  zone?: ZoneFacts;
  zoneProblem?: string;
  hosts: HostObservation[];
}
