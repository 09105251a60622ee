import { longFrenchDate } from '../../src-main/shared/dates';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  contractSignatureDate,
  countedUntil,
  portabilityMonths,
  resolveGuard,
  type DocumentGuardFacts,
} from '../../src-main/domain/document-guards';
import { DOCUMENT_REGISTRY } from '../../src-main/documents/kinds';
import type { DocumentKind } from '../../src-main/shared/contract/documents';

/** Each kind's guard, as the registry names it. */
const documentGuard = (kind: DocumentKind, f: DocumentGuardFacts) => DOCUMENT_REGISTRY[kind].guard(f);

/** A contract of 4 May – 29 May 2026, first half-day on Monday 4 May, attendance recorded, 7 h worked. */
const facts = (over: Partial<DocumentGuardFacts>): DocumentGuardFacts => ({
  today: '2026-06-01',
  lastDay: '2026-05-29',
  firstHalfDay: '2026-05-04',
  workedMinutes: 420,
  attendanceRecorded: true,
  ...over,
});

describe('the guard of each document kind', () => {
  const cases: [string, DocumentKind, Partial<DocumentGuardFacts>, 'allowed' | 'draft_only' | 'refused'][] = [
    ['certificat: the day before the last day', 'certificat_travail', { today: '2026-05-28' }, 'refused'],
    ['certificat: the last day itself', 'certificat_travail', { today: '2026-05-29' }, 'allowed'],
    ['certificat: the day after the last day', 'certificat_travail', { today: '2026-05-30' }, 'allowed'],
    ['certificat: after an early end', 'certificat_travail', { today: '2026-05-20', lastDay: '2026-05-20' }, 'allowed'],
    [
      'attestation: the day before the first half-day',
      'attestation_presence',
      { today: '2026-05-03', attendanceRecorded: false },
      'draft_only',
    ],
    [
      'attestation: the first half-day, attendance recorded',
      'attestation_presence',
      { today: '2026-05-04' },
      'allowed',
    ],
    ['attestation: no half-day at all', 'attestation_presence', { firstHalfDay: null }, 'draft_only'],
    [
      'attestation: half-days held, nothing recorded',
      'attestation_presence',
      { attendanceRecorded: false },
      'draft_only',
    ],
    ['bilan: the day before the first half-day', 'bilan_individuel', { today: '2026-05-03' }, 'draft_only'],
    ['bilan: the first half-day', 'bilan_individuel', { today: '2026-05-04' }, 'allowed'],
    ['worksite bilan: the day before the first half-day', 'bilan_chantier', { today: '2026-05-03' }, 'draft_only'],
    ['worksite bilan: the first half-day', 'bilan_chantier', { today: '2026-05-04' }, 'allowed'],
    ['compétences: 0 minute worked', 'attestation_competences', { workedMinutes: 0 }, 'refused'],
    ['compétences: 1 minute worked', 'attestation_competences', { workedMinutes: 1 }, 'allowed'],
    [
      'compétences: before the first half-day',
      'attestation_competences',
      { today: '2026-05-03', workedMinutes: 0 },
      'refused',
    ],
    [
      'contract: before it starts',
      'contrat_travail',
      { today: '2026-04-20', workedMinutes: 0, attendanceRecorded: false },
      'allowed',
    ],
    ['convocation: before the first half-day', 'convocation', { today: '2026-04-20' }, 'allowed'],
  ];
  it.each(cases)('%s', (_label, kind, over, status) => {
    const guard = documentGuard(kind, facts(over));
    expect(guard.status).toBe(status);
    if (guard.status !== 'allowed') expect(guard.reason).toMatch(/^[A-Z].*\.$/);
  });

  it('names the last day in the certificat refusal and the first half-day in the attestation refusal', () => {
    expect(documentGuard('certificat_travail', facts({ today: '2026-05-28' }))).toMatchObject({
      reason: expect.stringContaining(longFrenchDate('2026-05-29')),
    });
    expect(documentGuard('attestation_presence', facts({ today: '2026-05-03' }))).toMatchObject({
      reason: expect.stringContaining(longFrenchDate('2026-05-04')),
    });
  });
});

describe('resolveGuard', () => {
  it.each([
    [{ status: 'allowed' } as const, false, { print: 'valid' }],
    [{ status: 'allowed' } as const, true, { print: 'draft' }],
    [{ status: 'draft_only', reason: 'R.' } as const, false, { refused: 'R.', draftPossible: true }],
    [{ status: 'draft_only', reason: 'R.' } as const, true, { print: 'draft' }],
    [{ status: 'refused', reason: 'R.' } as const, true, { refused: 'R.', draftPossible: false }],
  ])('%o, draft asked %s', (guard, asked, expected) => expect(resolveGuard(guard, asked)).toEqual(expected));
});

describe('countedUntil', () => {
  it.each([
    ['2026-05-29', '2026-05-28', '2026-05-28'],
    ['2026-05-29', '2026-05-29', '2026-05-29'],
    ['2026-05-29', '2026-05-30', '2026-05-29'],
  ])('last day %s, today %s: %s', (lastDay, today, expected) => expect(countedUntil(lastDay, today)).toBe(expected));
});

describe('portabilityMonths (L911-8 CSS)', () => {
  it.each([
    ['2026-05-04', '2026-05-04', 1],
    ['2026-05-04', '2026-06-03', 1],
    ['2026-05-04', '2026-06-04', 2],
    ['2026-01-31', '2026-02-27', 1],
    ['2026-01-31', '2026-02-28', 2],
    ['2026-01-01', '2026-12-31', 12],
    ['2026-01-01', '2027-01-01', 12],
    ['2025-01-01', '2026-12-31', 12],
  ])('from %s to %s: %i month(s)', (start, last, months) => expect(portabilityMonths(start, last)).toBe(months));

  it('is between 1 and 12 and never shorter for a longer contract', () => {
    const day = fc
      .integer({ min: 0, max: 900 })
      .map((n) => new Date(Date.UTC(2025, 0, 1 + n)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 60 }), (start, length, more) => {
        const end = new Date(Date.parse(start) + length * 86_400_000).toISOString().slice(0, 10);
        const later = new Date(Date.parse(end) + more * 86_400_000).toISOString().slice(0, 10);
        const m = portabilityMonths(start, end);
        expect(m).toBeGreaterThanOrEqual(1);
        expect(m).toBeLessThanOrEqual(12);
        expect(portabilityMonths(start, later)).toBeGreaterThanOrEqual(m);
      }),
    );
  });
});

describe('contractSignatureDate (L1242-13)', () => {
  it.each([
    [{ signedOn: '2026-05-05', handedOn: '2026-05-04' }, '2026-05-05'],
    [{ signedOn: null, handedOn: '2026-05-04' }, '2026-05-04'],
    [{ signedOn: null, handedOn: null }, null],
  ])('%o: %s', (contract, expected) => expect(contractSignatureDate(contract)).toBe(expected));
});
