/**
 * Which addresses the Passerelle server may listen on: the office’s local
 * network only, never an address reachable from the Internet. Pure: no I/O.
 *
 * Sources (IANA Special-Purpose Address Registries,
 * https://www.iana.org/assignments/iana-ipv4-special-registry/ and
 * https://www.iana.org/assignments/iana-ipv6-special-registry/):
 * - 127.0.0.0/8 loopback (RFC 1122 § 3.2.1.3), ::1/128 loopback (RFC 4291 § 2.5.3);
 * - 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 private networks (RFC 1918 § 3);
 * - 169.254.0.0/16 IPv4 link-local (RFC 3927), fe80::/10 IPv6 link-local (RFC 4291 § 2.5.6);
 * - fc00::/7 IPv6 unique local addresses (RFC 4193 § 3);
 * - ::ffff:0:0/96 IPv4-mapped addresses (RFC 4291 § 2.5.5.2): judged as the IPv4 address they carry.
 * The unspecified addresses 0.0.0.0 and :: (« every interface ») are refused:
 * they would also listen on a public interface of the PC, if it has one.
 * A name (« serveur.local ») is refused too: it is resolved by the network, so
 * the address it stands for is not known here.
 */

export type BindRefusal = 'not_an_address' | 'every_interface' | 'public';

export interface LocalRange {
  /** How the range is named to the administrator. */
  label: string;
  /** First and last address of the range, as numbers (IPv4: 32 bits, IPv6: 128 bits). */
  first: bigint;
  last: bigint;
  family: 4 | 6;
}

function v4(text: string): bigint | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let value = 0n;
  for (const part of parts) {
    if (!/^(0|[1-9]\d{0,2})$/.test(part)) return null;
    const byte = Number(part);
    if (byte > 255) return null;
    value = (value << 8n) | BigInt(byte);
  }
  return value;
}

function v6(text: string): bigint | null {
  const address = text.replace(/%[\w.-]+$/, ''); // a zone (« fe80::1%eth0 ») names the interface, not the address
  if (!/^[0-9a-fA-F:.]+$/.test(address) || address.split('::').length > 2) return null;
  let groups: number[];
  const parseHalf = (half: string): number[] | null => {
    if (half === '') return [];
    const out: number[] = [];
    const pieces = half.split(':');
    for (const [index, piece] of pieces.entries()) {
      if (index === pieces.length - 1 && piece.includes('.')) {
        const embedded = v4(piece);
        if (embedded === null) return null;
        out.push(Number(embedded >> 16n), Number(embedded & 0xffffn));
      } else {
        if (!/^[0-9a-fA-F]{1,4}$/.test(piece)) return null;
        out.push(parseInt(piece, 16));
      }
    }
    return out;
  };
  if (address.includes('::')) {
    const [head, tail] = address.split('::') as [string, string];
    const left = parseHalf(head);
    const right = parseHalf(tail);
    if (left === null || right === null || left.length + right.length > 7) return null;
    groups = [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
  } else {
    const all = parseHalf(address);
    if (all === null || all.length !== 8) return null;
    groups = all;
  }
  return groups.reduce((value, group) => (value << 16n) | BigInt(group), 0n);
}

function range(label: string, family: 4 | 6, base: bigint, prefix: number): LocalRange {
  const bits = family === 4 ? 32 : 128;
  const size = 1n << BigInt(bits - prefix);
  return { label, family, first: base, last: base + size - 1n };
}

export const LOCAL_RANGES: readonly LocalRange[] = [
  range('boucle locale (ce PC)', 4, v4('127.0.0.0')!, 8),
  range('réseau privé 10.0.0.0/8', 4, v4('10.0.0.0')!, 8),
  range('réseau privé 172.16.0.0/12', 4, v4('172.16.0.0')!, 12),
  range('réseau privé 192.168.0.0/16', 4, v4('192.168.0.0')!, 16),
  range('lien local 169.254.0.0/16', 4, v4('169.254.0.0')!, 16),
  range('boucle locale (ce PC)', 6, 1n, 128),
  range('lien local fe80::/10', 6, v6('fe80::')!, 10),
  range('adresse locale unique fc00::/7', 6, v6('fc00::')!, 7),
];

const MAPPED_V4 = v6('::ffff:0:0')!;

/** The address as a family and a number, or null when it is not an IP address. */
export function parseAddress(text: string): { family: 4 | 6; value: bigint } | null {
  const trimmed = text.trim().replace(/^\[(.*)\]$/, '$1');
  const four = v4(trimmed);
  if (four !== null) return { family: 4, value: four };
  const six = trimmed.includes(':') ? v6(trimmed) : null;
  if (six === null) return null;
  if (six >> 32n === MAPPED_V4 >> 32n) return { family: 4, value: six & 0xffffffffn };
  return { family: 6, value: six };
}

/** The local range the address lies in, or why the server may not listen on it. */
export function judgeBindAddress(text: string): { ok: true; range: LocalRange } | { ok: false; reason: BindRefusal } {
  const parsed = parseAddress(text);
  if (parsed === null) return { ok: false, reason: 'not_an_address' };
  if (parsed.value === 0n) return { ok: false, reason: 'every_interface' };
  const found = LOCAL_RANGES.find(
    (r) => r.family === parsed.family && parsed.value >= r.first && parsed.value <= r.last,
  );
  return found ? { ok: true, range: found } : { ok: false, reason: 'public' };
}

export const BIND_REFUSALS: Record<BindRefusal, string> = {
  not_an_address: 'Indiquez l’adresse IP de ce PC sur le réseau du bureau (par exemple 192.168.1.10), pas un nom.',
  every_interface:
    'Choisissez une adresse précise de ce PC : « toutes les adresses » exposerait Passerelle sur Internet si le PC y est relié directement.',
  public:
    'Cette adresse est joignable depuis Internet : Passerelle serveur n’écoute que sur le réseau local du bureau (192.168.x.x, 10.x.x.x, 172.16 à 172.31.x.x, ou ce PC : 127.0.0.1).',
};
