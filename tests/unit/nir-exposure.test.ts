/**
 * The full NIR appears only where its use is lawful, and that use is journaled
 * (issue 24, item 8): the payroll files for the employer, the person's own
 * data, the administrator's reveal for payroll. Every method a role can call
 * (answers and errors, PDFs read back as text) and every export file is read.
 */
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { contract, METHODS, type Method } from '../../src-main/shared/contract';
import { PARTICIPATION_DOCUMENT_KINDS } from '../../src-main/shared/contract/documents';
import { maskNir } from '../../src-main/shared/identifiers';
import { scopeFor } from '../../src-main/app/permissions';
import { dispatch } from '../../src-main/app/dispatch';
import { NIR_DISCLOSURES } from '../../src-main/app/nir-exposure';
import { shared, valueOf } from './support/services';
import { assign, buildWorld, callAs, type World } from './support/world';
import { PROBES, personal, schemaKeys, walk } from './support/probes';

let world: World;
let folder: string;
beforeAll(async () => {
  world = await shared(() => buildWorld({ realPrinter: true }));
  await assign(world, {
    referents: ['ts1', 'ts1', 'ts2', 'ts2', 'ts1', null],
    supervisors: ['encadrant1', 'encadrant2', 'encadrant1'],
  });
  folder = mkdtempSync(path.join(world.services.homeDir, 'exports-'));
}, 120_000);

const allowed = (method: Method) => Object.hasOwn(NIR_DISCLOSURES, method);

/** The NIRs found in a text, whatever spaces or dots were put between its digits. */
function nirsIn(world: World, text: string): string[] {
  const compact = text.replace(/[\s\u00a0\u202f.]/g, '');
  return world.people.filter((p) => compact.includes(p.nir)).map((p) => p.nir);
}

function pdfText(bytes: Buffer): string {
  const file = path.join(folder, `lu-${Date.now()}-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
}

/** Every text of an answer, PDFs included. */
function textsOf(answer: unknown): string[] {
  const texts: string[] = [];
  walk(answer, (key, value) => {
    if (typeof value !== 'string') return;
    if ((key === 'pdfBase64' || key === 'base64') && value.length > 0) {
      const bytes = Buffer.from(value, 'base64');
      if (bytes.subarray(0, 5).toString() === '%PDF-') texts.push(pdfText(bytes));
    } else texts.push(value);
  });
  return texts;
}

async function xlsxTexts(file: string): Promise<string> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const cells: string[] = [];
  book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text)))));
  return cells.join('\n');
}

async function lastJournalRecords(method: string): Promise<string[]> {
  const entry = await world.services.db
    .selectFrom('journal')
    .select('records')
    .where('method', '=', method)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  return JSON.parse(entry.records) as string[];
}

describe('the NIR', () => {
  it('is one field of the contract, in the answers allowed to carry it; every screen gets the masked form', () => {
    const carrying = METHODS.filter((m) =>
      [...schemaKeys(contract[m].output)].some((key) => /nir/i.test(key) && key !== 'nirMasked'),
    );
    expect(carrying.filter((m) => !allowed(m))).toEqual([]);
    expect(METHODS.filter((m) => personal(m).categories.has('nir'))).toEqual(['people/revealNir']);
    expect(maskNir(world.people[0]!.nir)).toBe(`2 80 •• •• ••• ••• ••`);
  });

  it('appears in no answer or error of any other method, for any role', async () => {
    let calls = 0;
    for (const account of world.accounts) {
      for (const method of METHODS.filter((m) => PROBES[m] !== undefined && !allowed(m))) {
        if (scopeFor(method, account.role) === null) continue;
        for (const input of PROBES[method]!(world)) {
          const result = await dispatch(world.services, method, input, account.session);
          calls++;
          const found = textsOf(result.ok ? result.value : result.error).flatMap((t) => nirsIn(world, t));
          expect(found, `${account.name} ← ${method}`).toEqual([]);
        }
      }
    }
    expect(calls).toBeGreaterThan(100);
  }, 300_000);

  it('appears in no document, whichever kind', async () => {
    const call = callAs(world, 'administrateur');
    const participationId = world.people[0]!.participations[0]!.id;
    const worksiteId = world.worksites[0]!.id;
    const requests = [
      ...PARTICIPATION_DOCUMENT_KINDS.map((kind) => ({ kind, participationId, draft: true })),
      { kind: 'feuille_emargement' as const, worksiteId, weekOf: '2026-05-04' },
      { kind: 'planning_chantier' as const, worksiteId },
      { kind: 'bilan_chantier' as const, worksiteId, named: true, draft: true },
    ];
    let printed = 0;
    for (const request of requests) {
      const generated = await call('documents/generate', request);
      if (!generated.ok) continue;
      printed++;
      const content = valueOf(await call('documents/content', { documentId: generated.value.id }));
      expect(nirsIn(world, textsOf(content).join('\n')), request.kind).toEqual([]);
    }
    // The contract, the mise à disposition and the worksite's documents at least.
    expect(printed).toBeGreaterThanOrEqual(5);
  }, 300_000);

  it('leaves in the payroll files for the employer, journaled as such; the signed summary and other exports mask it', async () => {
    const call = callAs(world, 'coordination');
    const onPayroll = world.people.filter((p) => p.participations.length > 0);
    // The variables file is refused while anyone lacks a matricule.
    for (const [i, p] of onPayroll.entries())
      valueOf(await call('payroll/setMatricule', { personId: p.id, employerId: 1, matricule: `M${i + 1}` }));
    valueOf(await call('payroll/validate', { month: '2026-05', employerId: 1, confirmChecks: true }));
    for (const format of ['csv', 'variables', 'xlsx'] as const) {
      const file = valueOf(await call('payroll/export', { month: '2026-05', employerId: 1, format, folder })).path;
      const text = format === 'xlsx' ? await xlsxTexts(file) : readFileSync(file, 'utf8');
      expect(nirsIn(world, text).sort(), format).toEqual(onPayroll.map((p) => p.nir).sort());
      const records = await lastJournalRecords('payroll/export');
      for (const p of onPayroll) expect(records).toContain(`nir:${p.id}`);
      expect(JSON.stringify(records)).not.toMatch(/\d{13}/);
    }
    const pdf = valueOf(await call('payroll/export', { month: '2026-05', employerId: 1, format: 'pdf', folder })).path;
    expect(nirsIn(world, pdfText(readFileSync(pdf)))).toEqual([]);
    expect((await lastJournalRecords('payroll/export')).filter((r) => r.startsWith('nir:'))).toEqual([]);

    const stats = valueOf(
      await callAs(world, 'administrateur')('stats/export', {
        filter: { from: '2026-01-01', to: '2026-12-31' },
        folder,
      }),
    ).path;
    expect(nirsIn(world, await xlsxTexts(stats))).toEqual([]);
    const journal = valueOf(await callAs(world, 'administrateur')('journal/export', { folder })).path;
    expect(nirsIn(world, readFileSync(journal, 'utf8'))).toEqual([]);
  }, 300_000);

  it("leaves in the person's own data, and in the administrator's reveal, journaled as such", async () => {
    const a = world.people[0]!;
    const exported = valueOf(await callAs(world, 'ts1')('rgpd/exportPerson', { personId: a.id, folder }));
    expect(nirsIn(world, exported.json)).toEqual([a.nir]);
    // Saved for her, the export is also kept with her documents (a `document:` record).
    expect(await lastJournalRecords('rgpd/exportPerson')).toEqual(
      expect.arrayContaining([`person:${a.id}`, `nir:${a.id}`]),
    );
    const revealed = valueOf(await callAs(world, 'administrateur')('people/revealNir', { id: a.id }));
    expect(revealed.nir).toBe(a.nir);
    expect(await lastJournalRecords('people/revealNir')).toEqual([`person:${a.id}`, `nir:${a.id}`]);
  }, 120_000);
});
