import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  agreementRefusal,
  agreementsFor,
  COLLECTIVE_AGREEMENT_CODES,
  COLLECTIVE_AGREEMENTS,
} from '../../src-main/shared/collective-agreements';
import { EMPLOYER_KINDS, employerInput } from '../../src-main/shared/contract/settings';
import { DEFAULT_TASKS, tasksOrDefault } from '../../src-main/domain/activity-tasks';
import { PPE_BY_ACTIVITY, ppeList } from '../../src-main/domain/ppe';
import { ACTIVITIES } from '../../src-main/shared/contract/worksites';
import { employer } from './support/factories';

describe('the collective agreement an employer may apply', () => {
  // Each agreement from both sides: the kinds within its scope, and those outside.
  const table: [(typeof EMPLOYER_KINDS)[number], (typeof COLLECTIVE_AGREEMENT_CODES)[number], boolean][] = [
    ['association_intermediaire', 'aucune', true],
    ['ccas', 'aucune', true],
    ['autre', 'aucune', true],
    ['association_intermediaire', '3016', false],
    ['ccas', '3016', true],
    ['autre', '3016', true],
    ['association_intermediaire', '3105', true],
    ['ccas', '3105', true],
    ['association_intermediaire', '2941', true],
    ['ccas', '2941', false],
    ['association_intermediaire', '1261', true],
    ['ccas', '1261', false],
  ];
  it.each(table)('%s with %s: allowed %s', (kind, code, allowed) => {
    expect(agreementRefusal(kind, code) === null).toBe(allowed);
    expect(agreementsFor(kind).includes(code)).toBe(allowed);
  });

  it('says in French why an association intermédiaire cannot apply the ACI agreement', () => {
    expect(agreementRefusal('association_intermediaire', '3016')).toBe(
      'La convention collective des ateliers et chantiers d’insertion (IDCC 3016) ne s’applique qu’aux structures conventionnées comme atelier et chantier d’insertion (article L5132-15), pas à une association intermédiaire.',
    );
  });

  it('gives every agreement but « aucune » a title with its IDCC, as the contract states it', () => {
    for (const code of COLLECTIVE_AGREEMENT_CODES) {
      const title = COLLECTIVE_AGREEMENTS[code].title;
      if (code === 'aucune') expect(title).toBeNull();
      else expect(title).toContain(`(IDCC ${code})`);
    }
  });

  it('the employer schema refuses exactly the pairs the rule refuses, on the agreement field (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...EMPLOYER_KINDS), fc.constantFrom(...COLLECTIVE_AGREEMENT_CODES), (kind, code) => {
        const result = employerInput.safeParse(employer({ kind, collectiveAgreement: code }));
        const refusal = agreementRefusal(kind, code);
        expect(result.success).toBe(refusal === null);
        if (!result.success)
          expect(result.error.issues).toEqual([
            expect.objectContaining({ path: ['collectiveAgreement'], message: refusal }),
          ]);
      }),
    );
  });

  it('asks for the provident body’s address only when there is one (L1242-12, 8°)', () => {
    expect(employerInput.safeParse(employer({ providentBody: '', providentBodyAddress: '' })).success).toBe(true);
    const missing = employerInput.safeParse(
      employer({ providentBody: 'Humanis Prévoyance', providentBodyAddress: '  ' }),
    );
    expect(missing.success).toBe(false);
    expect(missing.error?.issues[0]).toMatchObject({ path: ['providentBodyAddress'] });
    expect(employerInput.safeParse(employer({ pensionFundAddress: '' })).error?.issues[0]).toMatchObject({
      path: ['pensionFundAddress'],
      message: 'L’adresse de la caisse de retraite complémentaire est obligatoire.',
    });
  });

  it('prices a mise à disposition above zero, or leaves it to fill (L5132-7: « à titre onéreux »)', () => {
    expect(employerInput.safeParse(employer({ hourlyPriceCents: null })).success).toBe(true);
    expect(employerInput.safeParse(employer({ hourlyPriceCents: 1 })).success).toBe(true);
    expect(employerInput.safeParse(employer({ hourlyPriceCents: 0 })).error?.issues[0]?.message).toMatch(
      /à titre onéreux \(article L5132-7\)/,
    );
    expect(employerInput.safeParse(employer({ hourlyPriceCents: 100_00 })).success).toBe(true);
    expect(employerInput.safeParse(employer({ hourlyPriceCents: 100_01 })).success).toBe(false);
  });
});

describe('what every work support brings to the contract', () => {
  it('names protective equipment and tasks for every activity', () => {
    for (const activity of ACTIVITIES) {
      expect(PPE_BY_ACTIVITY[activity].length, activity).toBeGreaterThan(0);
      expect(DEFAULT_TASKS[activity].length, activity).toBeGreaterThan(20);
    }
    expect(ppeList('manutention')).toBe('chaussures de sécurité et gants de manutention');
    expect(ppeList('inconnue')).toBe(ppeList('autre'));
  });

  it('keeps the tasks written on the contract, and uses the work support’s only when none are', () => {
    expect(tasksOrDefault('Tri du linge', 'lingerie')).toBe('Tri du linge');
    expect(tasksOrDefault('  ', 'lingerie')).toBe(DEFAULT_TASKS.lingerie);
    expect(tasksOrDefault('', 'inconnue')).toBe(DEFAULT_TASKS.autre);
  });
});
