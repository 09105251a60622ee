import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { judgeBindAddress, parseAddress } from '../../src-main/domain/local-network';
import {
  MAX_WRONG_CODES,
  PAIRING_ALPHABET,
  WRONG_CODE_WINDOW_MINUTES,
  displayPairingCode,
  nextPairingAttemptAt,
  normalizePairingCode,
  pairingCodeExpiry,
  pairingCodeLive,
} from '../../src-main/domain/pairing';

/** Each range from both sides of both ends: the last address before, the first, the last, the first after. */
const CASES: [string, 'ok' | 'public' | 'every_interface' | 'not_an_address'][] = [
  // 127.0.0.0/8 (RFC 1122)
  ['126.255.255.255', 'public'],
  ['127.0.0.0', 'ok'],
  ['127.0.0.1', 'ok'],
  ['127.255.255.255', 'ok'],
  ['128.0.0.0', 'public'],
  // 10.0.0.0/8 (RFC 1918)
  ['9.255.255.255', 'public'],
  ['10.0.0.0', 'ok'],
  ['10.255.255.255', 'ok'],
  ['11.0.0.0', 'public'],
  // 172.16.0.0/12 (RFC 1918)
  ['172.15.255.255', 'public'],
  ['172.16.0.0', 'ok'],
  ['172.31.255.255', 'ok'],
  ['172.32.0.0', 'public'],
  // 192.168.0.0/16 (RFC 1918)
  ['192.167.255.255', 'public'],
  ['192.168.0.0', 'ok'],
  ['192.168.1.10', 'ok'],
  ['192.168.255.255', 'ok'],
  ['192.169.0.0', 'public'],
  // 169.254.0.0/16 (RFC 3927)
  ['169.253.255.255', 'public'],
  ['169.254.0.0', 'ok'],
  ['169.254.255.255', 'ok'],
  ['169.255.0.0', 'public'],
  // public addresses
  ['8.8.8.8', 'public'],
  ['255.255.255.255', 'public'],
  ['0.0.0.1', 'public'],
  // ::1 (RFC 4291)
  ['::', 'every_interface'],
  ['0.0.0.0', 'every_interface'],
  ['::1', 'ok'],
  ['::2', 'public'],
  ['[::1]', 'ok'],
  // fe80::/10 (RFC 4291)
  ['fe7f:ffff:ffff:ffff:ffff:ffff:ffff:ffff', 'public'],
  ['fe80::', 'ok'],
  ['fe80::1%eth0', 'ok'],
  ['febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff', 'ok'],
  ['fec0::', 'public'],
  // fc00::/7 (RFC 4193)
  ['fbff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', 'public'],
  ['fc00::', 'ok'],
  ['fd12:3456:789a::1', 'ok'],
  ['fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', 'ok'],
  ['fe00::', 'public'],
  ['2001:db8::1', 'public'],
  ['2a01:e0a:1::1', 'public'],
  // IPv4-mapped (RFC 4291 § 2.5.5.2): as the IPv4 address
  ['::ffff:192.168.1.10', 'ok'],
  ['::ffff:c0a8:10a', 'ok'],
  ['::ffff:8.8.8.8', 'public'],
  // not an address
  ['serveur.local', 'not_an_address'],
  ['', 'not_an_address'],
  ['192.168.1', 'not_an_address'],
  ['192.168.1.256', 'not_an_address'],
  ['192.168.01.10', 'not_an_address'],
  ['1:2:3:4:5:6:7:8:9', 'not_an_address'],
  ['1::2::3', 'not_an_address'],
  ['fe80::g', 'not_an_address'],
];

describe('the addresses the server may listen on', () => {
  it.each(CASES)('%s → %s', (address, expected) => {
    const judged = judgeBindAddress(address);
    expect(judged.ok ? 'ok' : judged.reason).toBe(expected);
  });

  it('judges an IPv4-mapped IPv6 address as the IPv4 address it carries (property)', () => {
    fc.assert(
      fc.property(fc.ipV4(), (address) => {
        expect(judgeBindAddress(`::ffff:${address}`)).toEqual(judgeBindAddress(address));
      }),
    );
  });

  it('reads every IPv6 spelling of an address to the same number (property)', () => {
    fc.assert(
      fc.property(fc.ipV6(), (address) => {
        const parsed = parseAddress(address);
        expect(parsed).not.toBeNull();
        expect(parseAddress(address.toUpperCase())).toEqual(parsed);
        expect(judgeBindAddress(`[${address}]`)).toEqual(judgeBindAddress(address));
      }),
    );
  });
});

describe('pairing codes', () => {
  it.each([
    ['ABCD-EFGH', 'ABCDEFGH'],
    ['abcd efgh', 'ABCDEFGH'],
    ['oilo-0000', '0110' + '0000'],
    ['ABCD-EFG', null],
    ['ABCD-EFGHJ', null],
    ['ABCD-EFGU', null],
    ['ABCD-EFG!', null],
  ])('%s is read as %s', (typed, expected) => {
    expect(normalizePairingCode(typed)).toBe(expected);
  });

  it('reads back any code it shows (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...PAIRING_ALPHABET), minLength: 8, maxLength: 8 }), (code) => {
        expect(normalizePairingCode(displayPairingCode(code))).toBe(code);
        expect(normalizePairingCode(displayPairingCode(code).toLowerCase())).toBe(code);
      }),
    );
  });

  it('lives ten minutes: accepted the millisecond before, refused at the minute', () => {
    const made = new Date('2026-12-02T10:00:00Z');
    const expiry = pairingCodeExpiry(made);
    expect(expiry.toISOString()).toBe('2026-12-02T10:10:00.000Z');
    expect(pairingCodeLive(expiry, new Date('2026-12-02T10:09:59.999Z'))).toBe(true);
    expect(pairingCodeLive(expiry, new Date('2026-12-02T10:10:00.000Z'))).toBe(false);
  });

  it('lets MAX_WRONG_CODES wrong codes through in a window, then waits for the oldest to leave it', () => {
    const now = new Date('2026-12-02T10:00:00Z');
    const at = (minutesAgo: number) => new Date(now.getTime() - minutesAgo * 60_000);
    const four = [at(10), at(8), at(6), at(4)];
    expect(MAX_WRONG_CODES).toBe(5);
    expect(nextPairingAttemptAt(four, now)).toBeNull();
    expect(nextPairingAttemptAt([...four, at(2)], now)).toEqual(at(10 - WRONG_CODE_WINDOW_MINUTES));
    // The oldest just inside the window counts; just outside it does not.
    const edge = WRONG_CODE_WINDOW_MINUTES * 60_000;
    const inside = new Date(now.getTime() - edge + 1);
    const outside = new Date(now.getTime() - edge);
    expect(nextPairingAttemptAt([inside, ...four], now)).toEqual(new Date(inside.getTime() + edge));
    expect(nextPairingAttemptAt([outside, ...four], now)).toBeNull();
  });
});
