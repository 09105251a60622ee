/**
 * Files chosen on a client PC travel as bytes (issue 29): each method that
 * takes a file accepts `file: { name, base64 }` besides a path on main's PC,
 * checks its size (on the base64 text, then on the bytes) and what it is from
 * its first bytes, and refuses in French. Through the RPC, as a client would.
 */
import ExcelJS from 'exceljs';
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { uploadDialogs } from '../../src-main/app/ports';
import { sniffTable } from '../../src-main/imports/table';
import { UPLOAD_LIMITS, base64Length } from '../../src-main/shared/contract/files';
import { tinyPng } from '../fixtures/images';
import { person, situation } from './support/people';
import { configured, valueOf } from './support/services';

const b64 = (bytes: Buffer | string) => Buffer.from(bytes).toString('base64');
const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]);
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64)]);
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
const ODS = Buffer.concat([
  Buffer.from([0x50, 0x4b, 0x03, 0x04]),
  Buffer.alloc(26),
  Buffer.from('mimetypeapplication/vnd.oasis.opendocument.spreadsheet'),
]);
const CSV = 'Nom;Prénom;Date de naissance\r\nLE GALL;Élodie;01/02/1980\r\n';

async function xlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Personnes');
  sheet.addRow(['Nom', 'Prénom', 'Date de naissance']);
  sheet.addRow(['N’DIAYE', 'Awa', '12/03/1991']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function withPerson() {
  const setup = await configured({ dialogs: uploadDialogs });
  const personId = valueOf(await setup.call('people/create', { person: person(), situation: situation() })).id;
  return { ...setup, personId };
}

describe('what a table file is, from its first bytes', () => {
  it.each([
    ['an .xlsx (ZIP)', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0]), 'xlsx'],
    ['an OpenDocument sheet (ZIP, mimetype first)', ODS, 'ods'],
    ['an Excel 97–2003 workbook (OLE2)', OLE2, 'xls'],
    ['a UTF-8 CSV', Buffer.from(CSV), 'text'],
    ['a Windows-1252 CSV', Buffer.from([0x4e, 0x6f, 0x6d, 0x3b, 0xc9, 0x6c, 0x6f, 0x64, 0x69, 0x65]), 'text'],
    ['a PDF with a NUL byte', Buffer.concat([PDF, Buffer.from([0])]), 'other'],
    ['a PNG', tinyPng(), 'other'],
    // Only three bytes of the ZIP signature: not a ZIP.
    ['three bytes of a ZIP signature', Buffer.from([0x50, 0x4b, 0x03, 0x00]), 'other'],
  ] as const)('%s', (_name, bytes, expected) => {
    expect(sniffTable(bytes)).toBe(expected);
  });
});

describe('a client PC sends the files it chose', () => {
  it('the server answers « upload » to a file choice and does not show its own folders', async () => {
    const { call } = await configured({ dialogs: uploadDialogs });
    expect(valueOf(await call('files/chooseFile', { purpose: 'attachment' }))).toEqual({ status: 'upload' });
    expect(valueOf(await call('app/info'))).toMatchObject({ filesFrom: 'client' });
    expect(await call('files/list', { purpose: 'attachment', path: '/' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/choisissez le fichier sur votre PC/) },
    });
  });

  it('keeps a scan sent as bytes (PDF, JPEG, PNG) under its name on the client PC, and gives it back byte for byte', async () => {
    const { call, personId } = await withPerson();
    for (const [name, bytes, mediaType] of [
      ['C:\\Users\\secretariat\\Documents\\contrat signé.pdf', PDF, 'application/pdf'],
      ['photo.jpg', JPEG, 'image/jpeg'],
      ['scan.png', tinyPng(), 'image/png'],
    ] as const) {
      const attached = valueOf(
        await call('documents/attach', { target: { personId }, file: { name, base64: b64(bytes) }, label: 'Pièce' }),
      );
      expect(attached).toMatchObject({ mediaType, originalName: name.split('\\').at(-1), size: bytes.length });
      const back = valueOf(await call('documents/attachmentContent', { attachmentId: attached.id }));
      expect(Buffer.from(back.base64, 'base64').equals(bytes)).toBe(true);
    }
  });

  it('refuses, in French and keeping nothing, a file that is not a scan, an empty or unreadable one, two files, none', async () => {
    const { call, personId, services } = await withPerson();
    const attach = (extra: object) =>
      call('documents/attach', { target: { personId }, label: 'Pièce', ...extra } as never);
    const cases: [object, string, RegExp][] = [
      // Named .pdf, but a Windows program: the name does not decide.
      [{ file: { name: 'contrat.pdf', base64: b64(EXE) } }, 'INVALID_INPUT', /au format PDF, JPEG ou PNG/],
      [{ file: { name: 'contrat.pdf', base64: '' } }, 'INVALID_INPUT', /vide/],
      [{ file: { name: 'contrat.pdf', base64: 'pas du base64 !' } }, 'INVALID_INPUT', /illisible/],
      [{ file: { name: '', base64: b64(PDF) } }, 'INVALID_INPUT', /pas de nom/],
      [{ path: '/tmp/x.pdf', file: { name: 'x.pdf', base64: b64(PDF) } }, 'INVALID_INPUT', /Choisissez le fichier/],
      [{}, 'INVALID_INPUT', /Choisissez le fichier/],
    ];
    for (const [input, code, message] of cases)
      expect(await attach(input)).toMatchObject({
        ok: false,
        error: { code, message: expect.stringMatching(message) },
      });
    expect(readdirSync(services.paths.attachmentsDir)).toEqual([]);
  });

  it('refuses a scan over 10 Mo by its size, on either side of the limit, before reading what it is', async () => {
    const { call, personId } = await withPerson();
    const limit = UPLOAD_LIMITS.attachment.bytes;
    const scan = (size: number) => Buffer.concat([PDF, Buffer.alloc(size - PDF.length)]);
    // Exactly 10 Mo: kept.
    valueOf(
      await call('documents/attach', {
        target: { personId },
        file: { name: 'limite.pdf', base64: b64(scan(limit)) },
        label: 'Limite',
      }),
    );
    // One byte more: its base64 is longer than the limit's only when it crosses a 3-byte group; both checks refuse.
    for (const size of [limit + 1, limit + 3]) {
      expect(
        await call('documents/attach', {
          target: { personId },
          file: { name: 'gros.pdf', base64: b64(scan(size)) },
          label: 'Trop lourd',
        }),
      ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: UPLOAD_LIMITS.attachment.tooBig } });
    }
    expect(base64Length(limit)).toBe(Math.ceil(limit / 3) * 4);
  });

  it('keeps an IAE proof scan sent as bytes with the criterion, and refuses it with a path as well', async () => {
    const { call, personId } = await withPerson();
    const rsa = { code: 'RSA', proofType: 'attestation_rsa', proofDate: '2026-02-20', validUntil: null } as const;
    const file = { name: 'attestation RSA.pdf', base64: b64(PDF) };
    expect(await call('iae/saveCriterion', { personId, criterion: rsa, path: '/tmp/autre.pdf', file })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'path', message: 'Choisissez un seul fichier.' },
    });
    const saved = valueOf(await call('iae/saveCriterion', { personId, criterion: rsa, path: null, file }));
    expect(saved.criteria[0]).toMatchObject({ code: 'RSA', attachmentName: 'attestation RSA.pdf' });
    expect(valueOf(await call('iae/proofContent', { personId, code: 'RSA' }))).toEqual({
      base64: b64(PDF),
      mediaType: 'application/pdf',
      fileName: 'attestation RSA.pdf',
    });
  });

  it('reads a people table sent as bytes, .csv as text and .xlsx as a workbook', async () => {
    const { call } = await configured({ dialogs: uploadDialogs });
    const csv = valueOf(await call('people/importRead', { file: { name: 'personnes.csv', base64: b64(CSV) } }));
    expect(csv).toMatchObject({ fileName: 'personnes.csv', headers: ['Nom', 'Prénom', 'Date de naissance'] });
    expect(csv.rows).toEqual([['LE GALL', 'Élodie', '01/02/1980']]);
    const book = valueOf(
      await call('people/importRead', { file: { name: 'export France Travail.xlsx', base64: b64(await xlsx()) } }),
    );
    expect(book.rows).toEqual([['N’DIAYE', 'Awa', '12/03/1991']]);
  });

  it('refuses a table whose content is not what its name says, an old Excel or OpenDocument file, a file over 10 Mo', async () => {
    const { call } = await configured({ dialogs: uploadDialogs });
    const read = (name: string, bytes: Buffer) => call('people/importRead', { file: { name, base64: b64(bytes) } });
    const cases: [string, Buffer, string, RegExp][] = [
      ['personnes.csv', Buffer.concat([PDF, Buffer.from([0, 1, 2])]), 'INVALID_INPUT', /pas un fichier CSV/],
      ['personnes.xlsx', Buffer.from(CSV), 'FILE_ERROR', /Ce fichier Excel n’a pas pu être lu/],
      ['personnes.xlsx', OLE2, 'INVALID_INPUT', /Les fichiers \.xls ne sont pas lus/],
      ['personnes.xlsx', ODS, 'INVALID_INPUT', /Les fichiers \.ods ne sont pas lus/],
      ['personnes.pdf', PDF, 'INVALID_INPUT', /Choisissez un fichier Excel \(\.xlsx\) ou CSV \(\.csv\)/],
      [
        'personnes.csv',
        Buffer.alloc(UPLOAD_LIMITS.import.bytes + 1, 0x41),
        'INVALID_INPUT',
        /trop lourd : 10 Mo au plus/,
      ],
    ];
    for (const [name, bytes, code, message] of cases)
      expect(await read(name, bytes)).toMatchObject({
        ok: false,
        error: { code, message: expect.stringMatching(message) },
      });
  });

  it('keeps a logo sent as bytes, PNG or JPEG of 2 Mo at most', async () => {
    const { call } = await configured({ dialogs: uploadDialogs });
    const logo = valueOf(await call('settings/importLogo', { file: { name: 'logo.png', base64: b64(tinyPng()) } }));
    expect(logo.file).toMatch(/^logo-[0-9a-f]{16}\.png$/);
    expect(await call('settings/importLogo', { file: { name: 'logo.png', base64: b64(EXE) } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'Choisissez une image au format PNG ou JPEG.' },
    });
    const big = Buffer.concat([tinyPng(), Buffer.alloc(UPLOAD_LIMITS.logo.bytes)]);
    expect(await call('settings/importLogo', { file: { name: 'logo.png', base64: b64(big) } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'L’image est trop lourde (2 Mo au maximum).' },
    });
  });
});
