import { afterAll, describe, expect, it } from 'vitest';
import { nodePdfPrinter } from '../../src-main/documents/node-printer';
import { configured, valueOf } from './support/services';
import { person, situation } from './support/people';
import { testEngine } from './support/postgres';
import { keep, pdfText } from './support/pdf';

const printer = nodePdfPrinter();
afterAll(() => printer.close());

/** Two halves: a page may break between them. */
const SERVER = [
  'Les données sont gardées sur un serveur du CCAS : effacées de ses tables, elles restent un temps dans les copies propres au',
  'serveur (son journal de transactions, ses copies de secours), que le service informatique qui l’exploite efface selon sa propre durée de conservation ; demandez-la au secrétariat.',
];
const THIS_PC = 'Les sauvegardes chiffrées de l’ordinateur s’effacent d’elles-mêmes au fil du temps (un an au plus).';

/** The notice's text on one line, its no-break spaces as spaces. */
const flat = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, ' ');

describe('the information notice handed to one person says where the data is kept', () => {
  it(`on ${testEngine() === 'postgres' ? 'a PostgreSQL server: what the server and its backups keep' : 'this PC: its encrypted backups'}, as the blank notice does`, async () => {
    const { call } = await configured({ printer });
    const personId = valueOf(await call('people/create', { person: person(), situation: situation() })).id;
    const row = valueOf(await call('documents/generate', { kind: 'notice_donnees', personId }));
    const content = valueOf(await call('documents/content', { documentId: row.id }));
    const addressed = flat(pdfText(keep('notice-personne', Buffer.from(content.pdfBase64, 'base64'))));
    const blank = flat(
      pdfText(keep('notice-vierge', Buffer.from(valueOf(await call('rgpd/notice', {})).pdfBase64, 'base64'))),
    );
    const onServer = testEngine() === 'postgres';
    for (const text of [addressed, blank]) {
      if (onServer) {
        for (const half of SERVER) expect(text).toContain(half);
        expect(text).not.toContain(THIS_PC);
      } else {
        expect(text).toContain(THIS_PC);
        expect(text).not.toContain(SERVER[0]);
      }
      expect(text).toContain(
        onServer ? 'Sur un serveur du CCAS, avec un mot de passe personnel' : 'Sur un ordinateur du CCAS',
      );
    }
    expect(addressed).toContain('Élodie');
  });
});
