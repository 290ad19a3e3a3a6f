import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { integer, selfSignedCertificate } from './cert.js';

describe('the self-signed certificate of the local HTTPS servers', () => {
  it('encodes each INTEGER in its minimal DER form, whatever leading zeros the value has', () => {
    // A random serial whose first byte is zero (1 in 128) made OpenSSL refuse the certificate: "illegal padding".
    expect([...integer(Buffer.from([0x00, 0x12, 0x34]))]).toEqual([0x02, 0x02, 0x12, 0x34]);
    expect([...integer(Buffer.from([0x00, 0x00, 0x92]))]).toEqual([0x02, 0x02, 0x00, 0x92]);
    expect([...integer(Buffer.from([0x92]))]).toEqual([0x02, 0x02, 0x00, 0x92]);
    expect([...integer(Buffer.from([0x00]))]).toEqual([0x02, 0x01, 0x00]);
  });

  it('parses back, for localhost and the loopback addresses', () => {
    const parsed = new X509Certificate(selfSignedCertificate({ keyType: 'ec' }).cert);
    expect(parsed.subjectAltName).toBe('DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1');
  });
});
