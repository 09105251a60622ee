/**
 * What a call makes for a person at another PC of the office (issue 29, item
 * 5): main is the Passerelle server, so nothing is written into a folder of
 * its own; the file comes back with the answer (`files`: name, type, bytes)
 * and is saved on the client PC. The backups stay the server's job. Through
 * dispatch, as the LAN server calls it (a session with its paired `device`).
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { dispatch, type Answered } from '../../src-main/app/dispatch';
import { uploadDialogs } from '../../src-main/app/ports';
import { makeCertificate } from '../../src-main/lan/certificate';
import { lanTransport, pairWithServer, probeServer } from '../../src-main/lan/client';
import { startLanServer } from '../../src-main/lan/server';
import { USER_PATH_FIELDS } from '../../src-main/app/user-paths';
import type { Session } from '../../src-main/app/session';
import type { Method } from '../../src-main/shared/contract';
import { BACKUP_ON_SERVER, DOWNLOAD_FOLDER, type SentFile } from '../../src-main/shared/contract/files';
import { configured, shared, valueOf } from './support/services';
import { buildWorld, callAs, type World } from './support/world';

let world: World;
/** A folder of the server's own user, named by a client as if it were its own: never written into. */
let serverFolder: string;
/** Where the same exports are written when asked on the server's PC itself, to compare. */
let localFolder: string;

beforeAll(async () => {
  world = await shared(() => buildWorld());
  serverFolder = mkdtempSync(path.join(world.services.homeDir, 'serveur-'));
  localFolder = mkdtempSync(path.join(world.services.homeDir, 'local-'));
}, 120_000);

const DEVICE = { id: 1, name: 'PC de l’accueil' };

/** The methods that write into a chosen folder, sent back by the tests below. */
const EXPORTS_TESTED = [
  'payroll/export',
  'stats/export',
  'stats/report',
  'documents/saveCopy',
  'rgpd/exportPerson',
  'journal/export',
];
/** The same `ctx.saveFile`, through the same dispatch. */
const OTHER_EXPORTS = [
  'asp/export',
  'documents/merge',
  'fse/indicatorsExport',
  'fse/indicatorsReport',
  'fse/participantsCsv',
];

/** A call from the paired PC, signed in as `account`. */
function fromClient(account: string) {
  const session: Session = { ...world.sessions[account]!, device: DEVICE };
  return (method: Method, input: unknown): Promise<Answered> => dispatch(world.services, method, input, session);
}

/** What came back: the value and the files sent to the client, the server's folder left empty. */
function sentBack(answer: Answered): { value: unknown; files: SentFile[] } {
  const value = valueOf(answer);
  expect(readdirSync(serverFolder)).toEqual([]);
  return { value, files: answer.ok ? (answer.files ?? []) : [] };
}

const bytesOf = (file: SentFile) => Buffer.from(file.base64, 'base64');

describe('an export asked from a client PC comes back as a file, never into a folder of the server', () => {
  it('the payroll hours file for the employer: the same bytes, under its French name', async () => {
    const coordination = callAs(world, 'coordination');
    valueOf(await coordination('payroll/validate', { month: '2026-05', employerId: 1, confirmChecks: true }));
    const local = valueOf(
      await coordination('payroll/export', { month: '2026-05', employerId: 1, format: 'csv', folder: localFolder }),
    ).path;

    for (const folder of [DOWNLOAD_FOLDER, serverFolder]) {
      const { value, files } = sentBack(
        await fromClient('coordination')('payroll/export', { month: '2026-05', employerId: 1, format: 'csv', folder }),
      );
      expect(files).toHaveLength(1);
      const [file] = files as [SentFile];
      expect(file.name).toBe(path.basename(local));
      expect(file.name).toMatch(/^Heures_.+_2026-05\.csv$/);
      expect(file.mediaType).toBe('text/csv; charset=utf-8');
      expect(bytesOf(file).equals(readFileSync(local))).toBe(true);
      // The answer names the file, not a path of the server.
      expect(value).toEqual({ path: file.name });
    }
  });

  it('the statistics workbook', async () => {
    const filter = { from: '2026-01-01', to: '2026-12-31' };
    const local = valueOf(await callAs(world, 'administrateur')('stats/export', { filter, folder: localFolder })).path;
    const { files } = sentBack(await fromClient('administrateur')('stats/export', { filter, folder: DOWNLOAD_FOLDER }));
    expect(files.map((f) => [f.name, f.mediaType])).toEqual([
      [path.basename(local), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytesOf(files[0]!) as unknown as ArrayBuffer);
    const expected = new ExcelJS.Workbook();
    await expected.xlsx.readFile(local);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(expected.worksheets.map((s) => s.name));
    expect(workbook.worksheets[0]!.getSheetValues()).toEqual(expected.worksheets[0]!.getSheetValues());
  });

  it('a PDF made on the server: the statistics report is sent as the PDF the preview shows', async () => {
    const filter = { from: '2026-01-01', to: '2026-12-31' };
    const { value, files } = sentBack(
      await fromClient('administrateur')('stats/report', { filter, title: 'Bilan', folder: DOWNLOAD_FOLDER }),
    );
    expect(files).toHaveLength(1);
    expect(files[0]!.name).toMatch(/^Rapport_.+_2026-01-01_2026-12-31\.pdf$/);
    expect(files[0]!.mediaType).toBe('application/pdf');
    expect(files[0]!.base64).toBe((value as { pdfBase64: string }).pdfBase64);
    expect(bytesOf(files[0]!).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('a copy of a kept document: sent, and no folder of the server remembered for next time', async () => {
    const worksiteId = world.worksites[0]!.id;
    const admin = callAs(world, 'administrateur');
    const document = valueOf(await admin('documents/generate', { kind: 'planning_chantier', worksiteId }));
    const { files } = sentBack(
      await fromClient('administrateur')('documents/saveCopy', { documentId: document.id, folder: serverFolder }),
    );
    const content = valueOf(await admin('documents/content', { documentId: document.id }));
    expect(files.map((f) => [f.name, f.base64])).toEqual([[content.fileName, content.pdfBase64]]);
    expect(valueOf(await admin('documents/list', { worksiteId })).lastFolder).toBeNull();
  });

  it('the data of a person (RGPD): her PDF and her JSON, both sent', async () => {
    const a = world.people[0]!;
    const { value, files } = sentBack(
      await fromClient('administrateur')('rgpd/exportPerson', { personId: a.id, folder: DOWNLOAD_FOLDER }),
    );
    const { json, fileStem, pdfBase64, paths } = value as {
      json: string;
      fileStem: string;
      pdfBase64: string;
      paths: string[];
    };
    expect(files.map((f) => [f.name, f.mediaType])).toEqual([
      [`${fileStem}.pdf`, 'application/pdf'],
      [`${fileStem}.json`, 'application/json'],
    ]);
    expect(paths).toEqual([`${fileStem}.pdf`, `${fileStem}.json`]);
    expect(files[0]!.base64).toBe(pdfBase64);
    expect(bytesOf(files[1]!).toString('utf8')).toBe(json);
    expect(JSON.parse(json)).toMatchObject({ généréLe: expect.any(String) });
  });

  it('the access journal, as a CSV', async () => {
    const { value, files } = sentBack(await fromClient('administrateur')('journal/export', { folder: serverFolder }));
    expect(files).toHaveLength(1);
    expect(files[0]!.name).toBe('journal-passerelle-2026-06-15.csv');
    const csv = bytesOf(files[0]!).toString('utf8');
    expect(csv.split('\r\n')[0]).toContain('Empreinte');
    // The export was asked through the paired PC: the journal says which.
    expect((value as { count: number }).count).toBeGreaterThan(0);
  });

  it('on the PC that holds the data, the same call writes into the chosen folder and sends nothing', async () => {
    const answer = await callAs(world, 'administrateur')('journal/export', { folder: localFolder });
    expect(answer.ok && 'files' in answer).toBe(false);
    expect(readFileSync(valueOf(answer).path, 'utf8')).toContain('Empreinte');
  });
});

describe('one way out for every file a call makes', () => {
  it('no handler writes into a chosen folder but through `ctx.saveFile`', () => {
    const dir = path.join(__dirname, '../../src-main/app/handlers');
    const writers = readdirSync(dir).filter((name) => /\bcopyInto\(/.test(readFileSync(path.join(dir, name), 'utf8')));
    expect(writers).toEqual([]);
    // Every method taking a folder to write into is one of those (the table confineInput reads).
    const folderMethods = Object.entries(USER_PATH_FIELDS)
      .filter(([, fields]) => fields.includes('folder'))
      .map(([method]) => method)
      .sort();
    // The others are refused from a client PC before anything is read (SERVER_PC_ONLY): they write on main's PC only.
    expect(folderMethods).toEqual(
      [...EXPORTS_TESTED, ...OTHER_EXPORTS, 'backup/create', 'storage/writeJoinFile'].sort(),
    );
  });
});

describe('files chosen from a client PC', () => {
  it('a folder to write into is answered « download », the server’s own folders are not shown', async () => {
    const call = fromClient('coordination');
    expect(valueOf(await call('files/chooseFolder', { purpose: 'export' }))).toEqual({ status: 'download' });
    expect(valueOf(await call('files/chooseFile', { purpose: 'import' }))).toEqual({ status: 'upload' });
    expect(valueOf(await call('app/info', {}))).toMatchObject({ filesFrom: 'client' });
    expect(await call('files/list', { purpose: 'export', path: null })).toMatchObject({ ok: false });
  });

  it('a path of the server named by a client is refused: a file comes as bytes', async () => {
    const scan = path.join(serverFolder, '..', 'scan-du-serveur.pdf');
    writeFileSync(scan, '%PDF-1.7\n%%EOF\n');
    const answer = await fromClient('administrateur')('documents/attach', {
      target: { personId: world.people[0]!.id },
      label: 'Scan',
      path: scan,
    });
    expect(answer).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message:
          'Depuis ce poste, un fichier se choisit sur votre PC et s’envoie au serveur Passerelle : choisissez-le de nouveau.',
      },
    });
  });
});

describe('backups are the server’s job', () => {
  it.each([
    ['backup/create', { folder: DOWNLOAD_FOLDER }],
    ['backup/restore', { path: '/tmp/x.passerelle-backup', passphrase: null }],
    ['backup/inspect', { path: '/tmp/x.passerelle-backup', passphrase: null }],
    ['backup/setPassphrase', { passphrase: 'cheval agrafe batterie correcte' }],
    ['backup/suggestPassphrase', {}],
    ['backup/recoverySheet', { passphrase: 'cheval agrafe batterie correcte' }],
  ] as const)('%s from a client PC is refused, saying where to do it', async (method, input) => {
    expect(await fromClient('administrateur')(method, input)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: BACKUP_ON_SERVER },
    });
  });

  it('choosing a backup file or folder there is refused the same way; the state of the backups stays visible', async () => {
    const call = fromClient('administrateur');
    for (const method of ['files/chooseFile', 'files/chooseFolder'] as const)
      expect(await call(method, { purpose: 'backup' })).toMatchObject({
        ok: false,
        error: { message: BACKUP_ON_SERVER },
      });
    expect(valueOf(await call('backup/status', {}))).toMatchObject({ configured: false });
  });

  it('main set to take every file from the client (`uploadDialogs`) refuses them too', async () => {
    const { call } = await configured({ dialogs: uploadDialogs });
    expect(await call('backup/create', { folder: DOWNLOAD_FOLDER })).toMatchObject({
      ok: false,
      error: { message: BACKUP_ON_SERVER },
    });
  });
});

describe('where the office’s data is kept is the server PC’s business', () => {
  it.each([
    ['storage/writeJoinFile', { folder: DOWNLOAD_FOLDER, passphrase: 'cheval agrafe batterie correcte' }],
    ['storage/joinWithFile', { path: '/tmp/x.passerelle-raccordement', passphrase: 'cheval agrafe batterie' }],
    ['storage/chooseSqlite', {}],
    ['storage/testConnection', {}],
    ['storage/choosePostgres', {}],
  ] as const)(
    '%s from a client PC is refused before anything is read, saying where to do it',
    async (method, input) => {
      const answer = await fromClient('administrateur')(method, input as never);
      expect(answer).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
      if (!answer.ok) expect(answer.error.message).toContain('se règle sur le PC serveur Passerelle');
    },
  );
});

describe('over the office network (the LAN server, a paired PC)', () => {
  it('an export made on the server reaches the paired PC as a file in the answer; main, on its own PC, writes it', async () => {
    const { services, session: admin, call: local } = await configured();
    const lan = await startLanServer({
      services,
      address: '127.0.0.1',
      port: 0,
      certificate: makeCertificate('127.0.0.1'),
    });
    try {
      const address = { host: '127.0.0.1', port: lan.port };
      const code = valueOf(await local('lan/createPairingCode', {})).code;
      const paired = await pairWithServer({
        address,
        identity: await probeServer(address),
        code,
        deviceName: 'PC de l’accueil',
      });
      const transport = lanTransport(paired);
      try {
        const login = await transport.invoke(
          'auth/login',
          { userId: admin.user!.id, password: 'Secrétariat-CCAS-2026' },
          null,
        );
        const token = (login as { value: { token: string } }).value.token;
        expect(await transport.invoke('app/info', {}, token)).toMatchObject({ value: { filesFrom: 'client' } });
        expect(await transport.invoke('files/chooseFolder', { purpose: 'export' }, token)).toMatchObject({
          value: { status: 'download' },
        });
        const before = readdirSync(services.homeDir);
        const exported = (await transport.invoke('journal/export', { folder: DOWNLOAD_FOLDER }, token)) as Answered;
        expect(exported).toMatchObject({ ok: true, value: { path: 'journal-passerelle-2026-03-02.csv' } });
        expect(exported.files?.map((f) => f.name)).toEqual(['journal-passerelle-2026-03-02.csv']);
        expect(Buffer.from(exported.files![0]!.base64, 'base64').toString('utf8')).toContain(
          'Poste « PC de l’accueil »',
        );
        expect(readdirSync(services.homeDir)).toEqual(before);
        // On the server's own PC, the same method writes into the folder chosen there.
        expect(valueOf(await local('app/info', {}))).toMatchObject({ filesFrom: 'server' });
      } finally {
        transport.close();
      }
    } finally {
      await lan.close();
    }
  });
});
