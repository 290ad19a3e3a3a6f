// A self-signed TLS certificate for the local HTTPS servers, made with node:crypto alone. Node can make
// keys and sign, but has no API that writes an X.509 certificate, so this encodes the few DER structures
// of one (RFC 5280) by hand: an RSA 2048 key by default (the key type of the certificates AWS service
// endpoints present, so a handshake costs the server what it costs there) or ECDSA P-256, `localhost`
// and 127.0.0.1 / ::1 as subject alternative names, valid from an hour ago for a day. Clients trust it by adding it (NODE_EXTRA_CA_CERTS, or an
// agent's `ca`), not by turning certificate checks off.
import { X509Certificate, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { isIPv4 } from 'node:net';

export interface Certificate {
  /** PEM private key (PKCS #8). */
  key: string;
  /** PEM certificate. */
  cert: string;
}

function length(size: number): Buffer {
  if (size < 0x80) return Buffer.from([size]);
  const bytes: number[] = [];
  for (let rest = size; rest > 0; rest >>= 8) bytes.unshift(rest & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

function tlv(tag: number, ...content: Buffer[]): Buffer {
  const body = Buffer.concat(content);
  return Buffer.concat([Buffer.from([tag]), length(body.length), body]);
}

const sequence = (...items: Buffer[]) => tlv(0x30, ...items);
const set = (...items: Buffer[]) => tlv(0x31, ...items);
const explicit = (tag: number, item: Buffer) => tlv(0xa0 | tag, item);
const octets = (content: Buffer) => tlv(0x04, content);
const bits = (content: Buffer) => tlv(0x03, Buffer.from([0]), content);
const utf8 = (text: string) => tlv(0x0c, Buffer.from(text, 'utf8'));
const TRUE = tlv(0x01, Buffer.from([0xff]));

/** A non-negative DER INTEGER in its one minimal form: no leading zero byte unless the next has its top bit set. */
export function integer(value: Buffer): Buffer {
  let start = 0;
  while (start < value.length - 1 && value[start] === 0) start++;
  const minimal = value.subarray(start);
  return tlv(0x02, minimal[0]! & 0x80 ? Buffer.concat([Buffer.from([0]), minimal]) : minimal);
}

function oid(dotted: string): Buffer {
  const [first, second, ...rest] = dotted.split('.').map(Number);
  const bytes = [first! * 40 + second!];
  for (const part of rest) {
    const groups = [part & 0x7f];
    for (let value = part >> 7; value > 0; value >>= 7) groups.unshift((value & 0x7f) | 0x80);
    bytes.push(...groups);
  }
  return tlv(0x06, Buffer.from(bytes));
}

/** UTCTime up to 2049, GeneralizedTime after, as RFC 5280 §4.1.2.5 requires. */
function time(date: Date): Buffer {
  const iso = date.toISOString().replace(/[-:T]/g, '').slice(0, 14) + 'Z';
  return date.getUTCFullYear() < 2050 ? tlv(0x17, Buffer.from(iso.slice(2))) : tlv(0x18, Buffer.from(iso));
}

function ipBytes(ip: string): Buffer {
  if (isIPv4(ip)) return Buffer.from(ip.split('.').map(Number));
  // Only the forms used here: full or with one `::`.
  const [head = '', tail = ''] = ip.split('::');
  const headParts = head ? head.split(':') : [];
  const tailParts = tail ? tail.split(':') : [];
  const parts = [...headParts, ...Array<string>(8 - headParts.length - tailParts.length).fill('0'), ...tailParts];
  return Buffer.concat(parts.map((part) => Buffer.from(part.padStart(4, '0'), 'hex')));
}

const SIGNATURE_ALGORITHMS = {
  rsa: sequence(oid('1.2.840.113549.1.1.11'), Buffer.from([0x05, 0x00])), // sha256WithRSAEncryption, NULL
  ec: sequence(oid('1.2.840.10045.4.3.2')), // ecdsa-with-SHA256
};

export interface CertificateOptions {
  keyType?: 'rsa' | 'ec';
  commonName?: string;
  dnsNames?: string[];
  ips?: string[];
  validForMs?: number;
}

export function selfSignedCertificate(options: CertificateOptions = {}): Certificate {
  const { keyType = 'rsa', commonName = 'localhost', dnsNames = ['localhost'], ips = ['127.0.0.1', '::1'], validForMs = 24 * 3600_000 } = options;
  const { privateKey, publicKey } =
    keyType === 'rsa' ? generateKeyPairSync('rsa', { modulusLength: 2048 }) : generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const signatureAlgorithm = SIGNATURE_ALGORITHMS[keyType];
  const name = sequence(set(sequence(oid('2.5.4.3'), utf8(commonName))));
  const now = Date.now();
  const serial = randomBytes(16);
  // Positive; a first byte of zero (1 in 128) is dropped by `integer`, which DER requires.
  serial[0]! &= 0x7f;
  const alternativeNames = sequence(
    ...dnsNames.map((dns) => tlv(0x82, Buffer.from(dns, 'ascii'))),
    ...ips.map((ip) => tlv(0x87, ipBytes(ip))),
  );
  const extensions = sequence(
    // basicConstraints: a CA (it is its own trust anchor), critical.
    sequence(oid('2.5.29.19'), TRUE, octets(sequence(TRUE))),
    // keyUsage: digitalSignature, keyEncipherment, keyCertSign, critical.
    sequence(oid('2.5.29.15'), TRUE, octets(tlv(0x03, Buffer.from([0x02, 0xa4])))),
    // extKeyUsage: serverAuth.
    sequence(oid('2.5.29.37'), octets(sequence(oid('1.3.6.1.5.5.7.3.1')))),
    sequence(oid('2.5.29.17'), octets(alternativeNames)),
  );
  const tbs = sequence(
    explicit(0, integer(Buffer.from([2]))), // v3
    integer(serial),
    signatureAlgorithm,
    name,
    sequence(time(new Date(now - 3600_000)), time(new Date(now + validForMs))),
    name,
    publicKey.export({ type: 'spki', format: 'der' }),
    explicit(3, extensions),
  );
  const signature = sign('sha256', tbs, privateKey);
  const der = sequence(tbs, signatureAlgorithm, bits(signature));
  const cert = `-----BEGIN CERTIFICATE-----\n${der.toString('base64').replace(/.{1,64}/g, '$&\n')}-----END CERTIFICATE-----\n`;
  // Parse it back: a malformed encoding fails here rather than in a TLS handshake.
  const parsed = new X509Certificate(cert);
  if (!parsed.verify(publicKey)) throw new Error('generated certificate does not verify');
  return { key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), cert };
}
