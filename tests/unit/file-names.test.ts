import { describe, expect, it } from 'vitest';
import { documentFileName, safeFileName } from '../../src-main/domain/file-names';

describe('file names a Windows PC and a USB stick accept', () => {
  it.each([
    ['Contrat Élodie Lefèvre', 'Contrat_Élodie_Lefèvre.pdf'],
    ['../../etc/passwd', 'etc_passwd.pdf'],
    ['..\\..\\Windows\\system32', 'Windows_system32.pdf'],
    ['CON', 'document_CON.pdf'],
    ['NUL.txt', 'document_NUL.txt.pdf'],
    ['com1', 'document_com1.pdf'],
    ['Bilan final...', 'Bilan_final.pdf'],
    ['Note: « oui » ?', 'Note_«_oui_».pdf'],
    ['', 'document.pdf'],
  ])('%j → %j', (wanted, expected) => expect(safeFileName(wanted, 'pdf')).toBe(expected));

  it('bounds the length, keeping the extension and no trailing dot', () => {
    const name = safeFileName(`${'é'.repeat(150)}.${'a'.repeat(150)}`, 'pdf');
    expect([...name].length).toBeLessThanOrEqual(124);
    expect(name.endsWith('.pdf')).toBe(true);
    expect(name).not.toMatch(/\.\.pdf$/);
    expect(safeFileName('x'.repeat(300), 'pdf')).toBe(`${'x'.repeat(120)}.pdf`);
  });

  it('names a contract after its person and date', () => {
    expect(documentFileName('Contrat', "N'Diaye", 'Aïcha', '2026-05-04')).toBe("Contrat_N'DIAYE_Aïcha_2026-05-04.pdf");
    expect(documentFileName('Contrat', 'Lefèvre', 'Élodie', '2026-05-04')).toBe(
      'Contrat_LEFÈVRE_Élodie_2026-05-04.pdf',
    );
  });
});
