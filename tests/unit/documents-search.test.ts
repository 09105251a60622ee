import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nodePdfPrinter } from '../../src-main/documents/node-printer';
import { escapeLike } from '../../src-main/db/repositories/like';
import { configured, fakeClock, tempDir, valueOf } from './support/services';
import { admitted, mesp, mespContract } from './support/worksites';

const printer = nodePdfPrinter();
afterAll(() => printer.close());

describe('document search', () => {
  it.each([
    ['100%', '100\\%'],
    ['a_b', 'a\\_b'],
    ['c:\\dossier', 'c:\\\\dossier'],
    ['Lefèvre', 'Lefèvre'],
  ])('escapes %j for LIKE as %j', (text, escaped) => {
    expect(escapeLike(text)).toBe(escaped);
  });

  it('takes % and _ as typed, not as wildcards', async () => {
    const { call } = await configured({ printer, clock: fakeClock('2026-07-01T09:00:00.000Z') });
    const { id } = valueOf(await call('worksites/save', { worksite: mesp({ startDate: '2026-05-04' }) }));
    const personId = await admitted(call, 'Élodie');
    const joined = valueOf(
      await call('worksites/addParticipant', { id, personId, contract: mespContract(), confirmWarnings: true }),
    );
    const participationId = joined.participants[0]!.id;
    valueOf(await call('documents/generate', { kind: 'contrat_travail', participationId }));
    const scan = path.join(tempDir('passerelle-scan-'), 'releve.pdf');
    writeFileSync(scan, Buffer.from('%PDF-1.4\n% releve\n'));
    valueOf(await call('documents/attach', { target: { participationId }, path: scan, label: 'Relevé_50%' }));

    const search = async (text: string) => {
      const found = valueOf(await call('documents/search', { text }));
      return { documents: found.documents.length, attachments: found.attachments.map((a) => a.label) };
    };
    expect(await search('contrat')).toEqual({ documents: 1, attachments: [] });
    expect(await search('%')).toEqual({ documents: 0, attachments: ['Relevé_50%'] });
    expect(await search('_')).toEqual({ documents: 0, attachments: ['Relevé_50%'] });
    expect(await search('releve_50%')).toEqual({ documents: 0, attachments: ['Relevé_50%'] });
    // Unescaped, these matched: "c%t" spans "contrat", "_" any one letter.
    expect(await search('c%t')).toEqual({ documents: 0, attachments: [] });
    expect(await search('releve_5_%')).toEqual({ documents: 0, attachments: [] });
    expect(await search('contr_t')).toEqual({ documents: 0, attachments: [] });
  });
});
