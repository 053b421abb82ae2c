// A certificate authority and a site certificate made by the test with openssl (OCSP and CRL
// URLs on the fixture CA's hosts, optionally must-staple), an OCSP response to staple, and a TLS
// server on 127.0.0.1 that serves them.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:tls';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface TlsFixture {
  port: number;
  close(): Promise<void>;
}

export interface CertificateOptions {
  mustStaple?: boolean;
  /** Serve a stapled OCSP response. */
  staple?: boolean;
}

export async function startTlsServer(options: CertificateOptions = {}): Promise<TlsFixture> {
  const dir = mkdtempSync(path.join(tmpdir(), 'discover-tls-'));
  const file = (name: string) => path.join(dir, name);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  openssl('ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', 'ca.key');
  openssl(
    'req',
    '-x509',
    '-new',
    '-key',
    'ca.key',
    '-out',
    'ca.pem',
    '-days',
    '30',
    '-subj',
    '/O=Fixture CA Inc/CN=Fixture Root CA',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
  );
  openssl('ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', 'leaf.key');
  openssl('req', '-new', '-key', 'leaf.key', '-out', 'leaf.csr', '-subj', '/CN=www.secure.test');
  const extensions = [
    'subjectAltName = DNS:secure.test,DNS:www.secure.test',
    'authorityInfoAccess = OCSP;URI:http://ocsp.fixture-ca.test,caIssuers;URI:http://crl.fixture-ca.test/root.crt',
    'crlDistributionPoints = URI:http://crl.fixture-ca.test/root.crl',
    ...(options.mustStaple ? ['tlsfeature = status_request'] : []),
  ];
  writeFileSync(file('leaf.ext'), `${extensions.join('\n')}\n`);
  openssl(
    'x509',
    '-req',
    '-in',
    'leaf.csr',
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-out',
    'leaf.pem',
    '-days',
    '30',
    '-extfile',
    'leaf.ext',
  );
  let staple: Buffer | undefined;
  if (options.staple) {
    const serial = openssl('x509', '-in', 'leaf.pem', '-noout', '-serial')
      .toString()
      .trim()
      .split('=')[1]!;
    const expiry = '301231235959Z';
    writeFileSync(file('index.txt'), `V\t${expiry}\t\t${serial}\tunknown\t/CN=www.secure.test\n`);
    openssl(
      'ocsp',
      '-index',
      'index.txt',
      '-rsigner',
      'ca.pem',
      '-rkey',
      'ca.key',
      '-CA',
      'ca.pem',
      '-issuer',
      'ca.pem',
      '-cert',
      'leaf.pem',
      '-respout',
      'ocsp.der',
      '-ndays',
      '1',
    );
    staple = readFileSync(file('ocsp.der'));
  }
  const server: Server = createServer({
    key: readFileSync(file('leaf.key')),
    cert: readFileSync(file('leaf.pem')),
  });
  server.on(
    'OCSPRequest',
    (
      _certificate: Buffer,
      _issuer: Buffer,
      callback: (error: Error | null, response?: Buffer) => void,
    ) => callback(null, staple),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    port,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
