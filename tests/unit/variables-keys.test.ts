import { describe, expect, it } from 'vitest';
import { missingMatricules, variablesRefusal } from '../../src-main/domain/variables-keys';

describe('the matricule a variables de paie line cannot do without', () => {
  it.each([
    { matricule: 'E0042', missing: false },
    { matricule: '0', missing: false },
    { matricule: 'a', missing: false },
    { matricule: '', missing: true },
    { matricule: '   ', missing: true },
    { matricule: null, missing: true },
  ])('matricule $matricule → missing: $missing', ({ matricule, missing }) => {
    expect(missingMatricules([{ name: 'Bruno Lefèvre', matricule }])).toEqual(missing ? ['Bruno Lefèvre'] : []);
  });

  it('names each person once, in the month order (two lines of one person, one with and one without)', () => {
    const people = [
      { name: 'Bruno Lefèvre', matricule: null },
      { name: 'Élodie Lefèvre', matricule: 'AI-0042' },
      { name: 'Bruno Lefèvre', matricule: null },
      { name: 'Karim Benali', matricule: '' },
    ];
    expect(missingMatricules(people)).toEqual(['Bruno Lefèvre', 'Karim Benali']);
  });

  it('elides before a vowel: « d’Élodie Lefèvre »', () => {
    expect(variablesRefusal(['Élodie Lefèvre'], 'Relais Emploi Iroise', false)).toMatch(
      /le matricule d.Élodie Lefèvre chez/,
    );
  });

  it('no one missing: no refusal; one, two or three missing: named in French, and how to go on before and after transmission', () => {
    expect(variablesRefusal([], 'Relais Emploi Iroise', false)).toBeNull();
    expect(variablesRefusal(['Bruno Lefèvre'], 'Relais Emploi Iroise', false)).toBe(
      'Variables de paie non exportées : le matricule de Bruno Lefèvre chez Relais Emploi Iroise n’est pas renseigné, et le logiciel de paie ne saurait pas à qui rattacher leurs lignes. Saisissez-les sur la fiche de chaque personne (« Matricules chez les employeurs »), puis validez le mois à nouveau.',
    );
    expect(variablesRefusal(['Bruno Lefèvre', 'Karim Benali'], 'Relais Emploi Iroise', false)).toContain(
      'les matricules de Bruno Lefèvre et Karim Benali chez Relais Emploi Iroise ne sont pas renseignés',
    );
    expect(variablesRefusal(['Bruno B', 'Chloé D', 'Karim F'], 'Relais Emploi Iroise', true)).toMatch(
      /de Bruno B, Chloé D et Karim F .*retirer la transmission/,
    );
  });
});
