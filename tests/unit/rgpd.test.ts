import { longFrenchDate } from '../../src-main/shared/dates';
import ExcelJS from 'exceljs';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nodePdfPrinter } from '../../src-main/documents/node-printer';
import { anonymousBirthDate } from '../../src-main/domain/retention';
import { ageAt } from '../../src-main/domain/statistics';
import { caller, configured, fakeClock, sessionAs, tempDir, valueOf } from './support/services';
import { everyRowAsText, postgresDatabaseFiles } from './support/sqlite-file';
import { person, situation } from './support/people';
import { keep, LEAKS, pdfText } from './support/pdf';
import { mesp, mespContract } from './support/worksites';
import { insertParticipation, insertPerson, insertWorksite } from './support/stats-fixture';

const printer = nodePdfPrinter();
afterAll(() => printer.close());

const CANARY = 'Zyxcanarie';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

describe('anonymous birth date', () => {
  it('keeps the age at every entry while dropping the real day and month', () => {
    const birth = '1985-05-17';
    const entries = ['2025-03-03', '2025-06-02', '2026-05-18', '2026-05-17'];
    const kept = anonymousBirthDate(birth, entries);
    expect(kept).toBe('1985-05-17'.slice(0, 5) + '05-17');
    const other = anonymousBirthDate('1990-08-09', ['2025-03-03', '2025-09-01']);
    expect(other).toBe('1990-09-01');
    for (const e of ['2025-03-03', '2025-09-01']) expect(ageAt(other, e)).toBe(ageAt('1990-08-09', e));
    expect(anonymousBirthDate('1990-12-20', ['2025-03-03'])).toBe('1990-12-31');
    expect(anonymousBirthDate('1990-02-10', ['2024-02-29'])).toBe('1990-02-28');
    expect(ageAt('1990-02-28', '2024-02-29')).toBe(ageAt('1990-02-10', '2024-02-29'));
  });
});

describe('retention review', () => {
  it('lists a file exactly 2 years after its last activity, not before; an extension postpones it, then it comes back', async () => {
    const clock = fakeClock('2026-03-14T09:00:00.000Z');
    const { services, call } = await configured({ clock });
    const w = await insertWorksite(services, { name: 'Ancien chantier', startDate: '2024-02-19' });
    const old = await insertPerson(
      services,
      { sex: 'F', birthDate: '1980-01-01', resources: 'rsa', education: '3' },
      1,
    );
    await insertParticipation(services, { worksiteId: w, ...old, startDate: '2024-02-19', endDate: '2024-03-15' });
    await services.db.updateTable('persons').set({ createdAt: '2024-01-10T10:00:00.000Z' }).execute();
    await services.db.updateTable('personSituations').set({ createdAt: '2024-01-10T10:00:00.000Z' }).execute();
    expect(valueOf(await call('rgpd/reviews'))).toEqual([]);
    clock.set('2026-03-15T09:00:00.000Z');
    const due = valueOf(await call('rgpd/reviews'));
    expect(due).toEqual([
      {
        personId: old.personId,
        name: 'FICTIF1 Personne1',
        lastActivity: '2024-03-15',
        reviewOn: '2026-03-15',
        retentionUntil: null,
        retentionReason: '',
      },
    ]);
    expect(valueOf(await call('dashboard/summary')).reviewsDue).toBe(1);
    expect(
      await call('rgpd/extend', { personId: old.personId, until: '2026-03-15', reason: 'Procédure prud’homale' }),
    ).toMatchObject({ ok: false, error: { field: 'until' } });
    expect(await call('rgpd/extend', { personId: old.personId, until: '2026-09-30', reason: '' })).toMatchObject({
      ok: false,
      error: { field: 'reason' },
    });
    expect(
      valueOf(
        await call('rgpd/extend', {
          personId: old.personId,
          until: '2026-09-30',
          reason: 'Contrôle du financeur en cours',
        }),
      ),
    ).toEqual([]);
    clock.set('2026-09-29T09:00:00.000Z');
    expect(valueOf(await call('rgpd/reviews'))).toEqual([]);
    clock.set('2026-09-30T09:00:00.000Z');
    expect(valueOf(await call('rgpd/reviews'))).toMatchObject([
      {
        personId: old.personId,
        reviewOn: '2026-09-30',
        retentionUntil: '2026-09-30',
        retentionReason: 'Contrôle du financeur en cours',
      },
    ]);
    // A new step in the parcours is activity: the file leaves the list.
    await services.db
      .insertInto('journeyEvents')
      .values({
        journeyId: old.journeyId,
        status: 'orientee',
        happenedOn: '2026-09-01',
        reason: '',
        createdAt: 'x',
        createdBy: null,
      })
      .execute();
    expect(valueOf(await call('rgpd/reviews'))).toEqual([]);
  });
});

/**
 * A June 2026 MESP with two people, one of them the canary: attendance,
 * freins, observations, bilan, psychologist's note, documents, a scan, the
 * payroll hand-off sent. Today: 1 July 2026.
 */
async function worksiteWithCanary() {
  const setup = await configured({ clock: fakeClock('2026-07-01T09:00:00.000Z'), printer });
  const { services, call } = setup;
  const supervisor = await sessionAs(services, 'encadrant', 'Yann Kervella');
  const worksite = valueOf(
    await call('worksites/save', { worksite: mesp({ startDate: '2026-06-01', supervisorId: supervisor.user!.id }) }),
  );
  const generated = valueOf(await call('worksites/generateSessions', { id: worksite.id, makeUps: [] }));
  const join = async (lastName: string, firstNames: string, sex: 'F' | 'M') => {
    const { id } = valueOf(
      await call('people/create', {
        person: person({
          lastName,
          firstNames,
          sex,
          civility: sex === 'F' ? 'madame' : 'monsieur',
          nir: '',
          phone: '06 12 34 56 78',
          email: `${firstNames.toLowerCase()}@exemple.fr`,
        }),
        situation: situation(),
        confirmedNotDuplicate: true,
      }),
    );
    const journeyId = valueOf(await call('people/openJourney', { personId: id, openedOn: '2026-02-02' })).journeys[0]!
      .id;
    for (const status of ['candidature', 'entretien', 'admise'] as const)
      valueOf(
        await call('people/moveJourney', {
          journeyId,
          status,
          happenedOn: '2026-02-10',
          reason: `Motif concernant ${firstNames} ${lastName}`,
        }),
      );
    const joined = valueOf(
      await call('worksites/addParticipant', {
        id: worksite.id,
        personId: id,
        contract: mespContract({ startDate: '2026-06-01', endDate: '2026-06-28' }),
      }),
    );
    return { personId: id, participationId: joined.participants.find((p) => p.personId === id)!.id };
  };
  const canary = await join(CANARY, 'Élodie', 'F');
  const other = await join('Diallo', 'Awa', 'F');
  const entries = generated.sessions.flatMap((s) =>
    [canary, other].map((p) => ({
      sessionId: s.id,
      participationId: p.participationId,
      mark: { mark: 'present' as const },
    })),
  );
  valueOf(await call('attendance/save', { worksiteId: worksite.id, entries }));
  valueOf(
    await call('people/saveObstacle', {
      personId: canary.personId,
      obstacle: { kind: 'mobilite', identifiedOn: '2026-06-03', actions: `Vélo prêté à ${CANARY}`, resolvedOn: null },
    }),
  );
  valueOf(
    await call('observations/add', {
      participationId: canary.participationId,
      observation: { observedOn: '2026-06-04', kind: 'autre', text: `${CANARY} arrive fatiguée` },
    }),
  );
  valueOf(
    await call('bilans/save', {
      participationId: canary.participationId,
      bilan: { participantWords: `Moi, ${CANARY}, j'ai aimé`, orientation: 'formation' },
    }),
  );
  valueOf(
    await call('worksites/addAnnexTime', {
      participationId: canary.participationId,
      annexTime: { kind: 'psychologue', date: '2026-06-18', start: '14:00', end: '15:00', paid: true },
    }),
  );
  const psy = caller(services, await sessionAs(services, 'psychologue', 'Dr Morvan'));
  valueOf(
    await psy('debriefs/saveNote', {
      annexTimeId: valueOf(await psy('debriefs/list'))[0]!.annexTimeId,
      note: `Note sur ${CANARY}`,
    }),
  );
  for (const kind of ['contrat_travail', 'convocation', 'attestation_presence'] as const) {
    for (const p of [canary, other])
      valueOf(await call('documents/generate', { kind, participationId: p.participationId }));
  }
  valueOf(
    await call('documents/generate', { kind: 'feuille_emargement', worksiteId: worksite.id, weekOf: '2026-06-01' }),
  );
  valueOf(await call('documents/generate', { kind: 'planning_chantier', worksiteId: worksite.id }));
  // The funders' bilan names no one; the internal one does, and must be scrubbed like the rest.
  valueOf(await call('documents/generate', { kind: 'bilan_chantier', worksiteId: worksite.id }));
  valueOf(await call('documents/generate', { kind: 'bilan_chantier', worksiteId: worksite.id, named: true }));
  const scan = path.join(tempDir('passerelle-scan-'), 'piece.pdf');
  writeFileSync(scan, Buffer.from(`%PDF-1.4\n% piece d'identite de ${CANARY}\n`));
  valueOf(
    await call('documents/attach', {
      target: { participationId: canary.participationId },
      path: scan,
      label: `Pièce de ${CANARY}`,
    }),
  );
  valueOf(await call('payroll/validate', { month: '2026-06', employerId: 1, confirmChecks: true }));
  valueOf(await call('payroll/transmit', { month: '2026-06', employerId: 1 }));
  return { ...setup, worksiteId: worksite.id, canary, other, psy };
}

async function containsCanary(file: string): Promise<boolean> {
  const bytes = readFileSync(file);
  if (bytes.includes(CANARY) || bytes.includes(Buffer.from(CANARY, 'utf16le'))) return true;
  if (file.endsWith('.pdf') && bytes.subarray(0, 4).toString() === '%PDF' && bytes.length > 200) {
    try {
      return pdfText(file).includes(CANARY);
    } catch {
      return false;
    }
  }
  if (file.endsWith('.xlsx')) {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    let found = false;
    book.eachSheet((sheet) =>
      sheet.eachRow((row) => row.eachCell((cell) => (found ||= String(cell.value).includes(CANARY)))),
    );
    return found;
  }
  return false;
}

describe('anonymisation', () => {
  it('leaves statistics unchanged and the canary nowhere: database file, WAL, stored documents, scans, snapshots, payroll files', async () => {
    const setup = await worksiteWithCanary();
    const { services, call, canary, other, worksiteId } = setup;
    const year = { from: '2026-01-01', to: '2026-12-31' };
    const before = valueOf(await call('stats/figures', year));
    // The canary is everywhere before.
    const everywhere = await Promise.all(filesUnder(services.paths.filesDir).map(containsCanary));
    expect(everywhere.filter(Boolean).length).toBeGreaterThan(5);

    valueOf(await call('payroll/setMatricule', { personId: canary.personId, employerId: 1, matricule: 'E0042' }));
    valueOf(await call('payroll/setMatricule', { personId: other.personId, employerId: 1, matricule: 'E0043' }));
    expect(await call('rgpd/anonymise', { personIds: [canary.personId], confirm: false as never })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(valueOf(await call('rgpd/anonymise', { personIds: [canary.personId], confirm: true }))).toEqual({
      anonymised: 1,
    });
    // The matricule identified her at the employer: it goes; Awa's stays.
    expect(await services.db.selectFrom('employeeNumbers').selectAll().orderBy('matricule').execute()).toEqual([
      { personId: other.personId, employerId: 1, matricule: 'E0043' },
    ]);
    expect(valueOf(await call('payroll/matricules', { personId: canary.personId }))).toEqual([
      { employerId: 1, employerName: 'Relais Emploi Iroise', matricule: null },
    ]);

    expect(valueOf(await call('stats/figures', year))).toEqual(before);
    const record = valueOf(await call('people/get', { id: canary.personId }));
    expect(record).toMatchObject({
      lastName: 'ANONYME',
      firstNames: `Personne n°${canary.personId}`,
      phone: '',
      email: '',
      address: '',
      sex: 'F',
      nirMasked: null,
    });
    expect(record.archived).toBe(true);

    // No bytes left: the database and its WAL, every file of the data (backups age out by rotation, see the notice).
    if (services.engine.kind === 'sqlite')
      for (const file of [services.paths.databaseFile, `${services.paths.databaseFile}-wal`]) {
        const bytes = readFileSync(file, { flag: 'r' });
        expect(bytes.includes(CANARY), file).toBe(false);
      }
    else {
      // PostgreSQL: no row holds her, and the tables rewritten (VACUUM FULL) left none of her bytes in the
      // server's files of the database. Its write-ahead log and the server's backups are the server's (notice).
      expect((await everyRowAsText(services)).includes(CANARY)).toBe(false);
      for (const file of await postgresDatabaseFiles(services.db))
        expect(readFileSync(file).includes(CANARY), path.basename(file)).toBe(false);
    }
    for (const file of filesUnder(services.paths.filesDir)) expect(await containsCanary(file), file).toBe(false);

    // Awa's documents are untouched and readable; the worksite's sheet still names her, not the canary.
    const docs = valueOf(await call('documents/list', { worksiteId }));
    const sheet = docs.documents.find((d) => d.kind === 'feuille_emargement')!;
    const file = keep(
      'emargement-apres-anonymisation',
      Buffer.from(valueOf(await call('documents/content', { documentId: sheet.id })).pdfBase64, 'base64'),
    );
    const text = pdfText(file);
    expect(text).not.toMatch(LEAKS);
    expect(text).toMatch(/DIALLO Awa|Awa Diallo/);
    expect(text).toContain('ANONYME');
    const canaryContract = valueOf(await call('documents/list', { personId: canary.personId })).documents[0]!;
    expect(await call('documents/content', { documentId: canaryContract.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: expect.stringContaining('anonymisation') },
    });
    const awaContract = valueOf(await call('documents/list', { personId: other.personId })).documents.find(
      (d) => d.kind === 'contrat_travail',
    )!;
    expect(valueOf(await call('documents/content', { documentId: awaContract.id })).pdfBase64.length).toBeGreaterThan(
      1000,
    );
    // The payroll files were made again, without the name, and still read back.
    const handoff = valueOf(await call('payroll/get', { month: '2026-06', employerId: 1 }));
    expect(handoff.lines.map((l) => l.name).sort()).toEqual(['Awa Diallo', `Personne n°${canary.personId} ANONYME`]);
    // Anonymising changes no figure: nothing to re-validate.
    expect(handoff.changes).toEqual([]);
    const folder = tempDir('passerelle-paie-');
    for (const format of ['xlsx', 'csv', 'pdf'] as const)
      valueOf(await call('payroll/export', { month: '2026-06', employerId: 1, format, folder }));
    // The psychologist's note is gone.
    expect(valueOf(await setup.psy('debriefs/list'))[0]!.note).toBe('');
  });
});

describe('rights of the person', () => {
  it("exports everything about one person, the psychologist's notes included, and nobody else's; out of scope answers NOT_FOUND", async () => {
    const setup = await worksiteWithCanary();
    const { services, call, canary } = setup;
    const exported = valueOf(await call('rgpd/exportPerson', { personId: canary.personId }));
    const json = JSON.parse(exported.json) as { sections: { title: string; rows: Record<string, unknown>[] }[] };
    const section = (title: string) => json.sections.find((s) => s.title === title)!.rows;
    expect(section('Identité et coordonnées')[0]).toMatchObject({
      Nom: CANARY,
      Prénoms: 'Élodie',
      'Adresse e-mail': 'élodie@exemple.fr',
    });
    expect(section('Présences')).toHaveLength(16);
    // Dates as the person reads them, never as stored.
    expect(section('Notes de la psychologue')).toEqual([
      { 'Entretien du': longFrenchDate('2026-06-18'), Note: `Note sur ${CANARY}` },
    ]);
    expect(section('Freins')[0]).toMatchObject({ Frein: 'Mobilité', 'Actions engagées': `Vélo prêté à ${CANARY}` });
    expect(exported.json).not.toMatch(/Diallo|Awa/);
    expect(exported.fileStem).toBe(`Donnees_${CANARY.toLocaleUpperCase('fr-FR')}_Élodie_2026-07-01`);
    const file = keep('export-personne', Buffer.from(exported.pdfBase64, 'base64'));
    const text = pdfText(file).replace(/\s+/g, ' ');
    expect(text).toContain('Objet : vos données personnelles');
    expect(text, 'labels agreed with her civility').toContain('Émargement Présente');
    expect(text).toContain(`Note sur ${CANARY}`);
    expect(text).not.toMatch(/Diallo|Awa/);
    expect(text).not.toMatch(LEAKS);

    const outsider = caller(services, await sessionAs(services, 'travailleur_social', 'Autre TS'));
    expect(await outsider('rgpd/exportPerson', { personId: canary.personId })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(
      await caller(services, await sessionAs(services, 'encadrant'))('rgpd/exportPerson', {
        personId: canary.personId,
      }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('logs requests with their one-month deadline, late ones marked', async () => {
    const { call } = await configured({ clock: fakeClock('2026-04-20T09:00:00.000Z') });
    const { id } = valueOf(await call('people/create', { person: person(), situation: situation() }));
    let list = valueOf(
      await call('rgpd/saveRequest', {
        request: { personId: id, kind: 'acces', receivedOn: '2026-03-10', answeredOn: null, notes: 'Par courrier' },
      }),
    );
    expect(list).toMatchObject([
      { kind: 'acces', receivedOn: '2026-03-10', dueOn: '2026-04-10', answeredOn: null, late: true },
    ]);
    expect(valueOf(await call('dashboard/summary')).requestsOpen).toEqual({ open: 1, late: 1 });
    list = valueOf(
      await call('rgpd/saveRequest', {
        id: list[0]!.id,
        request: {
          personId: id,
          kind: 'acces',
          receivedOn: '2026-03-10',
          answeredOn: '2026-04-02',
          notes: 'Export remis en main propre',
        },
      }),
    );
    expect(list[0]).toMatchObject({ answeredOn: '2026-04-02', late: false });
    expect(
      await call('rgpd/saveRequest', {
        request: { personId: id, kind: 'oubli' as never, receivedOn: '2026-03-10', answeredOn: null },
      }),
    ).toMatchObject({ ok: false, error: { field: 'request.kind' } });
    expect(
      await call('rgpd/saveRequest', {
        request: { personId: id, kind: 'effacement', receivedOn: '2026-03-10', answeredOn: '2026-03-01' },
      }),
    ).toMatchObject({ ok: false, error: { field: 'request.answeredOn' } });
  });

  it('prints the information notice, the register entry and the AIPD support filled with the structure', async () => {
    const { call } = await configured({ printer });
    const notice = pdfText(
      keep('notice-rgpd', Buffer.from(valueOf(await call('rgpd/notice')).pdfBase64, 'base64')),
    ).replace(/\s+/g, ' ');
    expect(notice).toContain('Vos données personnelles');
    expect(notice).toContain('CCAS de Kerbrénou');
    expect(notice).toContain('2 ans après notre dernier contact');
    expect(notice).not.toMatch(LEAKS);
    const register = pdfText(
      keep(
        'registre-rgpd',
        Buffer.from(valueOf(await call('rgpd/register', { kind: 'registre' })).pdfBase64, 'base64'),
      ),
    ).replace(/\s+/g, ' ');
    expect(register).toContain('Fiche du registre des activités de traitement');
    expect(register).toMatch(/Transferts hors de l’Union .*Aucun\./);
    const aipd = pdfText(
      keep('aipd-rgpd', Buffer.from(valueOf(await call('rgpd/register', { kind: 'aipd' })).pdfBase64, 'base64')),
    ).replace(/\s+/g, ' ');
    expect(aipd).toContain('Analyse d’impact relative à la protection des données');
    expect(aipd).toContain('Disparition des données');
  });
});
