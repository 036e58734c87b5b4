/**
 * A self-signed certificate for 127.0.0.1, made fresh for a test run: the emulator serves TLS
 * with it and the client trusts it as its CA (tlsCAFile), as with a cluster's own CA.
 */
import { generate } from 'selfsigned';

export async function loopbackCertificate(): Promise<{ cert: string; key: string }> {
  const pems = await generate([{ name: 'commonName', value: 'eventstoredb-node' }], {
    notAfterDate: new Date(Date.now() + 24 * 3600 * 1000),
    keyType: 'ec',
    curve: 'P-256',
    extensions: [
      { name: 'basicConstraints', cA: true },
      { name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }, { type: 2, value: 'localhost' }] },
    ],
  });
  return { cert: pems.cert, key: pems.private };
}
