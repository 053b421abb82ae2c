// One TLS handshake to read a site's certificate: to the address its name resolved to, with the
// name as SNI, asking for a stapled OCSP response. Trust is not checked: only facts are read.

import { connect, type ConnectionOptions } from 'node:tls';
import { isIP } from 'node:net';
import { endpointText, type Endpoint } from './dns-wire.js';
import { certificateFacts } from './certificate-facts.js';
import type { TlsObservation } from './observation.js';

export function probeTls(
  server: Endpoint,
  name: string,
  timeoutMs: number,
): Promise<TlsObservation> {
  const base = { kind: 'tls' as const, server: endpointText(server), name };
  return new Promise((resolve) => {
    let stapled = false;
    // requestOCSP is a Node option its type declarations leave out.
    const options: ConnectionOptions & { requestOCSP: boolean } = {
      host: server.host,
      port: server.port,
      servername: isIP(name) === 0 ? name : undefined,
      rejectUnauthorized: false,
      requestOCSP: true,
    };
    const socket = connect(options);
    const finish = (observation: TlsObservation) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(observation);
    };
    const timer = setTimeout(() => finish({ ...base, error: 'timeout' }), timeoutMs);
    // Null when the server staples nothing.
    socket.on('OCSPResponse', (response: Buffer | null) => {
      stapled = response !== null && response.length > 0;
    });
    socket.on('secureConnect', () => {
      const certificate = socket.getPeerX509Certificate();
      if (!certificate) return finish({ ...base, error: 'no certificate' });
      try {
        finish({ ...base, certificate: certificateFacts(certificate), stapled });
      } catch {
        finish({ ...base, error: 'unreadable certificate' });
      }
    });
    socket.on('error', (error: NodeJS.ErrnoException) =>
      finish({ ...base, error: error.code ?? 'handshake failed' }),
    );
  });
}
