import { afterAll, describe, expect, it } from 'vitest';
import { nodePdfPrinter } from '../../src-main/documents/node-printer';
import { countingEnd } from '../../src-main/domain/statistics';
import type { StatsFigures } from '../../src-main/shared/contract/stats';
import { configured, valueOf } from './support/services';
import { keep, pdfText } from './support/pdf';
import { handWrittenStats, sameFigures } from '../../scripts/bench/stats-floor';
import { insertParticipation, insertPerson, insertSession, insertWorksite } from './support/stats-fixture';
import { sqliteFile } from './support/sqlite-file';
import { testEngine } from './support/postgres';

const printer = nodePdfPrinter();
afterAll(() => printer.close());

// The test clock's day (tests/unit/support/services.ts).
const TODAY = '2026-03-02';
const figure = (f: StatsFigures, key: string) => f.figures.find((x) => x.key === key)!.value;

describe('nothing counts the future', () => {
  it.each([
    ['a period ended yesterday', { from: '2026-01-01', to: '2026-03-01' }, { until: '2026-03-01', asOf: null }],
    ['a period ending today', { from: '2026-01-01', to: '2026-03-02' }, { until: '2026-03-02', asOf: null }],
    ['a period ending tomorrow', { from: '2026-01-01', to: '2026-03-03' }, { until: '2026-03-02', asOf: '2026-03-02' }],
    [
      'a period starting tomorrow',
      { from: '2026-03-03', to: '2026-12-31' },
      { until: '2026-03-02', asOf: '2026-03-02' },
    ],
  ])('%s is counted up to…', (_, period, expected) => {
    expect(countingEnd(period, TODAY)).toEqual(expected);
  });

  /**
   * One worksite with a half-day held today and one planned tomorrow; Anne's
   * contract starts today (present today, and marked ahead for tomorrow), Bruno's
   * starts tomorrow.
   */
  async function aroundToday() {
    const setup = await configured({ printer });
    const { services } = setup;
    const site = await insertWorksite(services, { name: 'Jardins', startDate: '2026-03-02' });
    const today = await insertSession(services, site, '2026-03-02');
    const tomorrow = await insertSession(services, site, '2026-03-03');
    const anne = await insertPerson(
      services,
      { sex: 'F', birthDate: '1990-01-01', resources: 'rsa', education: '3' },
      1,
    );
    const started = await insertParticipation(services, {
      worksiteId: site,
      ...anne,
      startDate: '2026-03-02',
      endDate: '2026-03-27',
    });
    const bruno = await insertPerson(
      services,
      { sex: 'M', birthDate: '1985-01-01', resources: 'ass', education: '3' },
      2,
    );
    await insertParticipation(services, { worksiteId: site, ...bruno, startDate: '2026-03-03', endDate: '2026-03-27' });
    for (const sessionId of [today, tomorrow]) {
      await services.db
        .insertInto('attendance')
        .values({
          sessionId,
          participationId: started,
          mark: 'present',
          actualStart: null,
          actualEnd: null,
          paid: 0,
          proofDate: null,
          updatedBy: null,
          updatedAt: 'x',
        })
        .execute();
    }
    return setup;
  }

  it.each([
    // period, half-days held, people accompanied, people to come, minutes worked, « au … »
    ['ended yesterday', { from: '2026-02-01', to: '2026-03-01' }, 0, 0, 0, 0, null],
    ['ending today', { from: '2026-02-01', to: '2026-03-02' }, 1, 1, 0, 210, null],
    ['ending tomorrow', { from: '2026-02-01', to: '2026-03-03' }, 1, 1, 1, 210, TODAY],
    ['the current year', { from: '2026-01-01', to: '2026-12-31' }, 1, 1, 1, 210, TODAY],
    ['starting tomorrow', { from: '2026-03-03', to: '2026-03-31' }, 0, 0, 2, 0, TODAY],
  ])(
    'a period %s: the half-day today counts, tomorrow’s not; a contract starting tomorrow is « à venir »',
    async (_, period, sessions, people, upcoming, minutes, asOf) => {
      const { call, services } = await aroundToday();
      const f = valueOf(await call('stats/figures', { ...period, showSmall: true }));
      // The benchmark's hand-written floor stops at the same day (SQLite's SQL on the database file: SQLite only).
      if (testEngine() === 'sqlite')
        expect(() =>
          sameFigures(
            f,
            handWrittenStats(sqliteFile(services))({ ...period, until: countingEnd(period, TODAY).until }),
          ),
        ).not.toThrow();
      expect({
        sessions: figure(f, 'sessions'),
        people: figure(f, 'people'),
        upcoming: figure(f, 'upcoming'),
        minutes: figure(f, 'hoursWorked'),
        asOf: f.asOf,
      }).toEqual({ sessions, people, upcoming, minutes, asOf });
      // The tables count the people accompanied only.
      expect(f.breakdowns.find((b) => b.key === 'sex')!.total.count).toBe(people);
      expect(figure(f, 'newEntries')).toBe(people);
      expect(figure(f, 'attendanceRate')).toBe(minutes > 0 ? 100 : 0);
      // The people behind the figure are the same.
      expect(valueOf(await call('stats/people', { filter: period, breakdown: null, category: null }))).toHaveLength(
        people,
      );
    },
  );

  it('the report for the current year says up to which day it counts', async () => {
    const { call } = await aroundToday();
    const report = valueOf(
      await call('stats/report', {
        filter: { from: '2026-01-01', to: '2026-12-31', showSmall: true },
        title: 'Bilan 2026',
        commentary: '',
        folder: null,
      }),
    );
    const text = pdfText(keep('rapport-en-cours', Buffer.from(report.pdfBase64, 'base64'))).replace(/\s+/g, ' ');
    expect(text).toContain('Période du 01/01/2026 au 31/12/2026, chiffres au 2 mars 2026');
    const past = valueOf(
      await call('stats/report', {
        filter: { from: '2025-01-01', to: '2025-12-31' },
        title: 'Bilan 2025',
        commentary: '',
        folder: null,
      }),
    );
    expect(pdfText(keep('rapport-passe', Buffer.from(past.pdfBase64, 'base64'))).replace(/\s+/g, ' ')).not.toContain(
      'chiffres au',
    );
  });
});
