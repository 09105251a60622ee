import { execFileSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { nodePdfPrinter } from '../../src-main/documents/node-printer';
import { keep, LEAKS, pdfFonts, pdfText } from './support/pdf';
import { configured, fakeClock, tempDir, valueOf } from './support/services';
import { admitted, mesp, mespContract } from './support/worksites';

/** June 2026: a 4-week MESP (16 half-days of 3 h 30), Élodie present every time; today is 2 July. */
// One Chromium for the file: validation prints the summary to sign.
const printer = nodePdfPrinter();
afterAll(() => printer.close());

async function juneAllPresent() {
  const setup = await configured({ clock: fakeClock('2026-07-02T09:00:00.000Z'), printer });
  const { call } = setup;
  const worksite = valueOf(await call('worksites/save', { worksite: mesp({ startDate: '2026-06-01' }) }));
  const generated = valueOf(await call('worksites/generateSessions', { id: worksite.id, makeUps: [] }));
  const personId = await admitted(call, 'Élodie');
  const joined = valueOf(
    await call('worksites/addParticipant', {
      id: worksite.id,
      personId,
      contract: mespContract({ startDate: '2026-06-01', endDate: '2026-06-28' }),
    }),
  );
  const participationId = joined.participants[0]!.id;
  valueOf(
    await call('attendance/save', {
      worksiteId: worksite.id,
      entries: generated.sessions.map((s) => ({
        sessionId: s.id,
        participationId,
        mark: { mark: 'present' as const },
      })),
    }),
  );
  return { ...setup, worksiteId: worksite.id, personId, participationId, sessions: generated.sessions };
}

describe('the monthly payroll hand-off', () => {
  it('lists what to check, then exports figures counted by hand: 56 h, 673,12 € gross', async () => {
    const { call, personId, worksiteId } = await juneAllPresent();
    const draft = valueOf(await call('payroll/get', { month: '2026-06', employerId: 1 }));
    expect(draft).toMatchObject({ status: 'a_preparer', employerName: 'Relais Emploi Iroise' });
    expect(draft.lines).toEqual([
      expect.objectContaining({
        name: 'Élodie Lefèvre',
        planned: 56 * 60,
        worked: 56 * 60,
        paid: 56 * 60,
        hourlyCents: 1202,
        grossCents: 67312,
      }),
    ]);
    expect(draft.checks.map((c) => c.message)).toEqual([
      'Élodie Lefèvre : le contrat de travail n’a pas été établi dans Passerelle.',
      'Élodie Lefèvre : le contrat signé n’est pas joint.',
      'Élodie Lefèvre : matricule chez Relais Emploi Iroise non renseigné (fiche de la personne).',
      'Élodie Lefèvre : numéro de sécurité sociale non renseigné (l’employeur en a besoin).',
      'Élodie Lefèvre : pas de visite d’information et de prévention enregistrée comme faite.',
    ]);
    // Each check names where it is fixed: the person's record, the worksite (the visit is entered there).
    const person = { kind: 'person', id: personId };
    expect(draft.checks.map((c) => c.link)).toEqual([
      person,
      person,
      person,
      person,
      { kind: 'worksite', id: worksiteId },
    ]);
    expect(await call('payroll/validate', { month: '2026-06', employerId: 1 })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', field: 'checks' },
    });
    const validated = valueOf(await call('payroll/validate', { month: '2026-06', employerId: 1, confirmChecks: true }));
    expect(validated).toMatchObject({ status: 'valide', validatedBy: 'Élodie Le Gall' });
    expect(validated.checks).toEqual(draft.checks);

    const folder = tempDir('passerelle-paie-');
    const csvPath = valueOf(
      await call('payroll/export', { month: '2026-06', employerId: 1, format: 'csv', folder }),
    ).path;
    expect(csvPath.endsWith('Heures_Relais_Emploi_Iroise_2026-06.csv')).toBe(true);
    const csv = readFileSync(csvPath, 'utf8');
    expect(csv.startsWith('\ufeffMois;Début de période;Fin de période;Nom;Prénoms;NIR;Date de naissance')).toBe(true);
    expect(csv).not.toMatch(/[\u202f\u00a0]/);
    const [header, line] = csv.slice(1).split('\r\n');
    const cells = Object.fromEntries(header!.split(';').map((h, i) => [h, line!.split(';')[i]]));
    expect(cells).toMatchObject({
      Mois: 'juin 2026',
      Nom: 'Lefèvre',
      'Heures prévues': '56,00',
      'Heures payées': '56,00',
      'Taux horaire brut': '12,02',
      'Brut estimé': '673,12',
    });

    const xlsxPath = valueOf(
      await call('payroll/export', { month: '2026-06', employerId: 1, format: 'xlsx', folder }),
    ).path;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(xlsxPath) as never);
    const summary = book.getWorksheet('Synthèse')!;
    expect(summary.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const headers = (summary.getRow(1).values as string[]).slice(1);
    const gross = summary.getRow(2).getCell(headers.indexOf('Brut estimé') + 1);
    expect(gross.value).toBe(673.12);
    expect(gross.numFmt).toContain('€');
    expect(summary.getRow(2).getCell(headers.indexOf('Heures payées') + 1).value).toBe(56);
    const detail = book.getWorksheet('Détail par jour')!;
    expect(detail.rowCount).toBe(17);

    // The summary to sign, on the CCAS letterhead.
    const pdfPath = valueOf(
      await call('payroll/export', { month: '2026-06', employerId: 1, format: 'pdf', folder }),
    ).path;
    const file = keep('releve-heures', readFileSync(pdfPath));
    const text = pdfText(file).replace(/\s+/g, ' ');
    for (const value of [
      'CCAS de Kerbrénou',
      'Relevé des heures de juin 2026',
      'Relais Emploi Iroise',
      'LEFÈVRE',
      '56 h',
      '673,12',
      'Entrée le 01/06/2026',
      'Fin de contrat le 28/06/2026',
      'Pour le CCAS, la coordination',
      'Élodie Le Gall',
      'Pour l’employeur',
    ]) {
      expect(text, value).toContain(value);
    }
    expect(text).not.toMatch(LEAKS);
    expect(pdfFonts(file).every((f) => f.type !== 'Type 3' && /SourceSans3/.test(f.name))).toBe(true);
    // Landscape, the figures right-aligned under their heading: the amounts end where "Brut estimé" ends.
    const [width, height] = /Page size:\s+([\d.]+) x ([\d.]+)/
      .exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))!
      .slice(1)
      .map(Number) as [number, number];
    expect(width).toBeGreaterThan(height);
    const rightEdges = (word: string) =>
      [
        ...execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' }).matchAll(
          /<word xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g,
        ),
      ]
        .filter((m) => m[2] === word)
        .map((m) => Number(m[1]));
    const heading = rightEdges('estimé')[0]!;
    // The person's line and the total, in that order (the pay lines' table below has its own columns).
    expect(rightEdges('673,12').length).toBeGreaterThanOrEqual(2);
    const [nearest] = rightEdges('€').sort((a, b) => Math.abs(a - heading) - Math.abs(b - heading));
    expect(nearest).toBeCloseTo(heading, 0);
    const [personLine, totalLine] = rightEdges('673,12') as [number, number];
    expect(personLine).toBeCloseTo(totalLine, 0);
  });

  it('once sent, locks the month: a correction needs a reason and goes to the next hand-off as a régularisation; files re-export byte-identical', async () => {
    const { call, worksiteId, participationId, sessions } = await juneAllPresent();
    valueOf(await call('payroll/validate', { month: '2026-06', employerId: 1, confirmChecks: true }));
    const sent = valueOf(await call('payroll/transmit', { month: '2026-06', employerId: 1 }));
    expect(sent).toMatchObject({ status: 'transmis', transmittedBy: 'Élodie Le Gall' });
    expect(await call('payroll/validate', { month: '2026-06', employerId: 1, confirmChecks: true })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });

    const last = sessions.at(-1)!;
    const correction = { sessionId: last.id, participationId, mark: { mark: 'non_justifiee' as const } };
    expect(await call('attendance/save', { worksiteId, entries: [correction] })).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        field: 'regularisation',
        message: expect.stringMatching(
          /^Le mois de juin 2026 a été transmis à l’employeur de portage le \d{2}\/\d{2}\/\d{4} : pour changer les heures du 25\/06\/2026, indiquez le motif/,
        ),
      },
    });
    expect(valueOf(await call('attendance/hours', { worksiteId })).rows[0]!.worked).toBe(56 * 60);
    valueOf(
      await call('attendance/save', {
        worksiteId,
        entries: [correction],
        regularisation: { reason: 'Absence signalée après l’envoi' },
      }),
    );
    const corrected = valueOf(await call('attendance/hours', { worksiteId })).rows[0]!;
    expect(corrected.worked).toBe(52 * 60 + 30);
    // Pay line by pay line: 3 h 30 of normal hours taken back, 3 h 30 of unpaid absence added (at 0 €).
    expect(corrected.regularisations).toEqual([
      { date: '2026-06-25', paidDelta: -210, reason: 'Absence signalée après l’envoi', sent: false },
      { date: '2026-06-25', paidDelta: 0, reason: 'Absence signalée après l’envoi', sent: false },
    ]);

    // July: no more work, but the régularisation of 25 June: −3 h 30 paid, −42,07 € gross.
    const july = valueOf(await call('payroll/get', { month: '2026-07', employerId: 1 }));
    expect(july.lines).toEqual([
      expect.objectContaining({ name: 'Élodie Lefèvre', paid: 0, regularisationPaid: -210, grossCents: -4207 }),
    ]);

    const folder = tempDir('passerelle-paie-');
    const first = readFileSync(
      valueOf(await call('payroll/export', { month: '2026-06', employerId: 1, format: 'xlsx', folder })).path,
    );
    const again = readFileSync(
      valueOf(await call('payroll/export', { month: '2026-06', employerId: 1, format: 'xlsx', folder })).path,
    );
    expect(again.equals(first)).toBe(true);
  });

  it.each([
    ['a month that does not exist', { month: '2026-13', employerId: 1 }, 'INVALID_INPUT'],
    ['an unknown employer', { month: '2026-06', employerId: 99 }, 'NOT_FOUND'],
  ])('refuses %s in French', async (_case, input, code) => {
    const { call } = await configured();
    const result = await call('payroll/get', input);
    expect(result).toMatchObject({ ok: false, error: { code } });
  });

  it('reads the checks of a hand-off kept when links were paths as the same records', async () => {
    const { call, services, personId, worksiteId } = await juneAllPresent();
    valueOf(await call('payroll/validate', { month: '2026-06', employerId: 1, confirmChecks: true }));
    const stored = await sql<{ id: number; content: string }>`select id, content from payroll_handoffs`.execute(
      services.db,
    );
    const content = JSON.parse(stored.rows[0]!.content) as { checks: { message: string; link: unknown }[] };
    const paths = [
      `/people/${personId}`,
      `/worksites/${worksiteId}/attendance?semaine=2026-06-08`,
      `/worksites/${worksiteId}`,
    ];
    content.checks = paths.map((link, i) => ({ message: `Point ${i + 1}`, link }));
    await sql`update payroll_handoffs set content = ${JSON.stringify(content)} where id = ${stored.rows[0]!.id}`.execute(
      services.db,
    );
    expect(valueOf(await call('payroll/get', { month: '2026-06', employerId: 1 })).checks).toEqual([
      { message: 'Point 1', link: { kind: 'person', id: personId } },
      { message: 'Point 2', link: { kind: 'attendance', worksiteId, week: '2026-06-08' } },
      { message: 'Point 3', link: { kind: 'worksite', id: worksiteId } },
    ]);
  });

  it('refuses to validate a month without anyone', async () => {
    const { call } = await configured();
    expect(await call('payroll/validate', { month: '2026-06', employerId: 1, confirmChecks: true })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'Aucune personne n’a travaillé pour Relais Emploi Iroise en juin 2026.' },
    });
  });
});
