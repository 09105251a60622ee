/**
 * A town’s own certificate authority for the tests of « Autorité de certification de la mairie »: an
 * authority made here (node-forge writes the certificates, Node’s crypto makes the keys, as lan/certificate.ts
 * does), server certificates it signs, and a TLS front for the run’s PostgreSQL server that shows one of them.
 *
 * The run’s server has one certificate, self-signed, shared by every test file: the front answers the
 * client’s SSLRequest (« 55.2.10. SSL Session Encryption »: the byte `S`), does the TLS handshake with the
 * certificate a test chose, then passes the decrypted protocol to the real server (which accepts the same
 * startup message without TLS from this machine). What is checked, the client’s verification of the chain
 * and the name, is Node’s, as against a town’s server.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import net from 'node:net';
import tls from 'node:tls';
import forge from 'node-forge';

export interface Identity {
  /** PEM. */
  cert: string;
  /** PEM (PKCS#8, « PRIVATE KEY »). */
  key: string;
}

const DAY = 24 * 60 * 60_000;

function keyPair() {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return { privateKey, publicKey };
}

interface Validity {
  from?: Date;
  until?: Date;
}

function certificate(
  subject: string,
  publicKey: string,
  signer: { name: string; key: string },
  validity: Validity,
  extensions: object[],
): string {
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey);
  cert.serialNumber = `01${randomBytes(15).toString('hex')}`;
  cert.validity.notBefore = validity.from ?? new Date(Date.now() - DAY);
  cert.validity.notAfter = validity.until ?? new Date(Date.now() + 3650 * DAY);
  cert.setSubject([
    { name: 'commonName', value: subject },
    { name: 'organizationName', value: 'Mairie de Kerbrénou' },
  ]);
  cert.setIssuer([
    { name: 'commonName', value: signer.name },
    { name: 'organizationName', value: 'Mairie de Kerbrénou' },
  ]);
  cert.setExtensions(extensions);
  cert.sign(forge.pki.privateKeyFromPem(signer.key), forge.md.sha256.create());
  return forge.pki.certificateToPem(cert);
}

export interface Authority extends Identity {
  name: string;
}

/** A root authority, as an IT provider makes one for the town’s servers. */
export function makeAuthority(name: string, validity: Validity = {}): Authority {
  const { privateKey, publicKey } = keyPair();
  const cert = certificate(name, publicKey, { name, key: privateKey }, validity, [
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
  ]);
  return { name, cert, key: privateKey };
}

const serverExtensions = (names: string[]) => [
  { name: 'basicConstraints', cA: false },
  { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
  { name: 'extKeyUsage', serverAuth: true },
  {
    name: 'subjectAltName',
    altNames: names.map((n) => (net.isIP(n) ? { type: 7, ip: n } : { type: 2, value: n })),
  },
];

/** The server’s certificate for `names`, signed by `authority`. */
export function serverIdentity(authority: Authority, names: string[], validity: Validity = {}): Identity {
  const { privateKey, publicKey } = keyPair();
  const cert = certificate(
    names[0]!,
    publicKey,
    { name: authority.name, key: authority.key },
    validity,
    serverExtensions(names),
  );
  return { cert, key: privateKey };
}

/** A server certificate signed by its own key: what an IT provider makes without an authority. */
export function selfSignedIdentity(names: string[]): Identity {
  const { privateKey, publicKey } = keyPair();
  const cert = certificate(names[0]!, publicKey, { name: names[0]!, key: privateKey }, {}, serverExtensions(names));
  return { cert, key: privateKey };
}

const SSL_REQUEST = 80877103;

/** A TLS front for the PostgreSQL server at `backendPort` on this machine, showing `identity`. */
export async function tlsFront(
  identity: Identity,
  backendPort: number,
): Promise<{ port: number; close(): Promise<void> }> {
  const open = new Set<net.Socket>();
  const front = net.createServer((client) => {
    open.add(client);
    client.on('close', () => open.delete(client));
    client.on('error', () => undefined);
    client.once('data', (first) => {
      if (first.length !== 8 || first.readInt32BE(4) !== SSL_REQUEST) return void client.destroy();
      client.write('S');
      const secure = new tls.TLSSocket(client, { isServer: true, cert: identity.cert, key: identity.key });
      const back = net.connect(backendPort, '127.0.0.1');
      open.add(back);
      back.on('close', () => open.delete(back));
      secure.on('error', () => back.destroy());
      back.on('error', () => secure.destroy());
      secure.on('close', () => back.destroy());
      back.on('close', () => secure.destroy());
      secure.pipe(back).pipe(secure);
    });
  });
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
  return {
    port: (front.address() as net.AddressInfo).port,
    close: () =>
      new Promise((resolve) => {
        for (const socket of open) socket.destroy();
        front.close(() => resolve());
      }),
  };
}

/** The certificate a PostgreSQL server shows (DER), read from its TLS handshake without checking it. */
export async function certificateShownBy(port: number): Promise<Buffer> {
  const socket = net.connect(port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  const request = Buffer.alloc(8);
  request.writeInt32BE(8, 0);
  request.writeInt32BE(SSL_REQUEST, 4);
  socket.write(request);
  const answer = await new Promise<Buffer>((resolve) => socket.once('data', resolve));
  if (answer.toString() !== 'S') throw new Error('The server refused TLS.');
  const secure = tls.connect({ socket, rejectUnauthorized: false, servername: 'localhost' });
  await new Promise<void>((resolve, reject) => {
    secure.once('secureConnect', resolve);
    secure.once('error', reject);
  });
  const raw = secure.getPeerCertificate().raw;
  secure.destroy();
  return raw;
}
