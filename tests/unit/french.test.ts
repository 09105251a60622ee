import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agree, employeeOf, word, type Civility, agreeLabel } from '../../src-main/shared/agreement';
import { JOURNEY_STATUS_LABELS } from '../../src-main/shared/contract/journey-lists';
import { longFrenchDate } from '../../src-main/shared/dates';
import {
  a,
  asSentence,
  countOf,
  de,
  deName,
  fixTypography,
  formatPhone,
  inSentence,
  plural,
  startsWithVowelSound,
} from '../../src-main/shared/french';
import { activityInSentence } from '../../src-main/shared/contract/worksites';
import { formatEuros } from '../../src-main/shared/money';
import {
  EMPLOYER_SIGNATORY_TITLE_EXAMPLE,
  ofOrganisation,
  organisationGender,
  SIGNATORY_TITLE_EXAMPLE,
  signatoryQuality,
  STRUCTURE_NAME_EXAMPLE,
  theOrganisation,
  titleGender,
  toOrganisation,
} from '../../src-main/shared/organisation';
import { formatDuration } from '../../src-main/shared/time';

// Visible stand-ins, so that a failing case reads: "_" narrow no-break space (before ; ! ?), "~" no-break space.
const shown = (text: string) => text.replace(/\u202f/g, '_').replace(/\u00a0/g, '~');

describe('fixTypography', () => {
  it.each([
    ['Objet : convocation', 'Objet~: convocation'],
    ['Reçu le :', 'Reçu le~:'],
    ['vos chaussures ; une tenue', 'vos chaussures_; une tenue'],
    ['Attention ! Pourquoi ?', 'Attention_! Pourquoi_?'],
    ['le chantier « Menuiserie du port »', 'le chantier «~Menuiserie du port~»'],
    ['«Menuiserie»', '«~Menuiserie~»'],
    ["l'intéressé d'Inès", 'l’intéressé d’Inès'],
    ['14 h de travail', '14~h de travail'],
    ['8 h 30', '8~h~30'],
    ['majorées de 10 % et', 'majorées de 10~% et'],
    ['soit 168,28 € bruts', 'soit 168,28~€ bruts'],
    ['le 16 septembre 2026', 'le 16~septembre~2026'],
    ['le 1er mai', 'le 1er~mai'],
    ['4 jours, 3 mois, 2 ans', '4~jours, 3~mois, 2~ans'],
    ['n° 12', 'n°~12'],
    ['et puis...', 'et puis…'],
    // Left alone: times, addresses on the web, a number followed by a word that is no unit, a line starting with a colon.
    ['de 08:30 à 12:00', 'de 08:30 à 12:00'],
    ['https://www.cnil.fr/?page=1', 'https://www.cnil.fr/?page=1'],
    ['2 rue des Ajoncs', '2 rue des Ajoncs'],
    ['14 heures', '14~heures'],
    ['3 hameaux', '3 hameaux'],
    ['5 rue du Port', '5 rue du Port'],
  ])('%s', (input, expected) => {
    expect(shown(fixTypography(input))).toBe(expected);
  });

  it('is idempotent and never leaves an ASCII space before « : ; ! ? » or after «', () => {
    const pieces = fc.constantFrom(
      'Objet',
      ' ',
      ':',
      ';',
      '!',
      '?',
      '«',
      '»',
      'a',
      '12',
      'h',
      '%',
      "'",
      '\u00a0',
      'mai',
      '2026',
      '\n',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }), (parts) => {
        const once = fixTypography(parts.join(''));
        expect(fixTypography(once)).toBe(once);
        expect(once).not.toMatch(/ [:;!?»]|« /);
        expect(once).not.toMatch(/\u00a0[;!?]/);
        expect(once).not.toContain("'");
      }),
    );
  });
});

describe('the shared formatters bind numbers to their unit', () => {
  it.each([
    [formatDuration(14 * 60), '14~h'],
    [formatDuration(8 * 60 + 30), '8~h~30'],
    [formatEuros(1202), '12,02~€'],
    [formatEuros(123456789), '1_234_567,89~€'],
    [longFrenchDate('2026-09-16'), '16~septembre~2026'],
    [longFrenchDate('2026-05-01'), '1er~mai~2026'],
    [longFrenchDate('2026-05-04', true), 'lundi~4~mai~2026'],
  ])('%s', (actual, expected) => {
    expect(shown(actual)).toBe(expected);
  });
});

describe('formatPhone', () => {
  it.each([
    ['0298000000', '02~98~00~00~00'],
    ['02 98 00 00 00', '02~98~00~00~00'],
    ['02.98.00.00.00', '02~98~00~00~00'],
    ['+33 2 98 00 00 00', '02~98~00~00~00'],
    ['0033298000000', '02~98~00~00~00'],
    ['06-12-34-56-78', '06~12~34~56~78'],
    // Not a French number: as typed.
    ['+32 2 123 45 67', '+32 2 123 45 67'],
    ['029800000', '029800000'],
    ['3646', '3646'],
    ['', ''],
  ])('%s', (input, expected) => {
    expect(shown(formatPhone(input))).toBe(expected);
  });
});

describe('de, à and elision', () => {
  it.each([
    ['Inès', 'd’Inès'],
    ['Élodie Lefèvre', 'd’Élodie Lefèvre'],
    ['Hélène', 'd’Hélène'],
    ['Yves', 'd’Yves'],
    ['Yann', 'de Yann'],
    ['Hollande', 'de Hollande'],
    ['Moussa', 'de Moussa'],
    ['le CCAS de Kerbrénou', 'du CCAS de Kerbrénou'],
    ['Le Relais', 'du Relais'],
    ['les Ajoncs', 'des Ajoncs'],
    ['la Ville de Quimper', 'de la Ville de Quimper'],
    ['La Rochelle', 'de La Rochelle'],
    ["l'Association Le Relais", 'de l’Association Le Relais'],
    ['agent de menuiserie', 'd’agent de menuiserie'],
  ])('de + %s', (phrase, expected) => {
    expect(de(phrase)).toBe(expected);
  });

  it.each([
    ['le CCAS', 'au CCAS'],
    ['les Ajoncs', 'aux Ajoncs'],
    ['la Ville', 'à la Ville'],
    ['Inès', 'à Inès'],
  ])('à + %s', (phrase, expected) => {
    expect(a(phrase)).toBe(expected);
  });

  it.each([
    ['avenue', true],
    ['œuvre', true],
    ['Yvonne', true],
    ['Yasmine', false],
    ['hameau', false],
    ['hiver', true],
    ['Bretagne', false],
  ])('%s starts with a vowel sound: %s', (w, expected) => {
    expect(startsWithVowelSound(w)).toBe(expected);
  });

  it.each([
    ['Agent de menuiserie', 'agent de menuiserie'],
    ['ASH', 'ASH'],
    ['Ouvrier polyvalent', 'ouvrier polyvalent'],
  ])('a setting inside a sentence: %s', (noun, expected) => {
    expect(inSentence(noun)).toBe(expected);
  });
});

describe('gender agreement from the civility', () => {
  const civilities: Civility[] = ['madame', 'monsieur', null];
  it.each([
    ['né', ['née', 'né', 'né(e)']],
    ['salarié', ['salariée', 'salarié', 'salarié(e)']],
    ['employé', ['employée', 'employé', 'employé(e)']],
    ['présent', ['présente', 'présent', 'présent(e)']],
    ['attendu', ['attendue', 'attendu', 'attendu(e)']],
    ['mis', ['mise', 'mis', 'mis(e)']],
    ['intéressé', ['intéressée', 'intéressé', 'intéressé(e)']],
    ['il', ['elle', 'il', 'la personne']],
  ] as const)('%s', (key, expected) => {
    expect(civilities.map((c) => word(c, key))).toEqual(expected);
  });

  it('writes both forms out when the feminine is not the masculine plus an ending', () => {
    expect(agree(null, { m: 'le directeur', f: 'la directrice' })).toBe('le directeur ou la directrice');
    expect(agree('madame', { m: 'le directeur', f: 'la directrice' })).toBe('la directrice');
  });

  it.each([
    ['madame', 'La salariée', 'elle', 'de la salariée', 'engagée'],
    ['monsieur', 'Le salarié', 'il', 'du salarié', 'engagé'],
    [null, 'La personne salariée', 'elle', 'de la personne salariée', 'engagée'],
  ] as const)('the employee of a contract, %s', (civility, The, he, ofThe, engaged) => {
    const e = employeeOf(civility);
    expect([e.The, e.he, e.ofThe, e.e('engagé', 'engagée')]).toEqual([The, he, ofThe, engaged]);
  });
});

describe('the structure and its signatory', () => {
  it.each([
    ['CCAS de Kerbrénou', 'le CCAS de Kerbrénou', 'du CCAS de Kerbrénou', 'au CCAS de Kerbrénou', 'm'],
    [
      'Centre communal d’action sociale de Brest',
      'le Centre communal d’action sociale de Brest',
      'du Centre communal d’action sociale de Brest',
      'au Centre communal d’action sociale de Brest',
      'm',
    ],
    ['Ville de Quimper', 'la Ville de Quimper', 'de la Ville de Quimper', 'à la Ville de Quimper', 'f'],
    [
      'Association Le Relais',
      'l’Association Le Relais',
      'de l’Association Le Relais',
      'à l’Association Le Relais',
      'f',
    ],
    [
      'Établissement public de Morlaix',
      'l’Établissement public de Morlaix',
      'de l’Établissement public de Morlaix',
      'à l’Établissement public de Morlaix',
      'm',
    ],
    ['ACI de Plouzané', 'l’ACI de Plouzané', 'de l’ACI de Plouzané', 'à l’ACI de Plouzané', 'm'],
    ['Relais Emploi Iroise', 'le Relais Emploi Iroise', 'du Relais Emploi Iroise', 'au Relais Emploi Iroise', 'm'],
    ['Le Relais', 'Le Relais', 'du Relais', 'au Relais', null],
    ['Emmaüs Connect', 'Emmaüs Connect', 'd’Emmaüs Connect', 'à Emmaüs Connect', null],
    ['Tremplin 29', 'Tremplin 29', 'de Tremplin 29', 'à Tremplin 29', null],
  ] as const)('%s', (name, the, of, to, gender) => {
    expect([theOrganisation(name), ofOrganisation(name), toOrganisation(name), organisationGender(name)]).toEqual([
      the,
      of,
      to,
      gender,
    ]);
  });

  it.each([
    ['Présidente', 'CCAS de Kerbrénou', 'Présidente du CCAS de Kerbrénou'],
    ['La Présidente du CCAS', 'CCAS de Kerbrénou', 'Présidente du CCAS de Kerbrénou'],
    ['Le Président du CCAS', 'CCAS de Kerbrénou', 'Président du CCAS de Kerbrénou'],
    ['Présidente du CCAS de Kerbrénou', 'CCAS de Kerbrénou', 'Présidente du CCAS de Kerbrénou'],
    ['Le Maire, Président du CCAS', 'CCAS de Kerbrénou', 'Maire, Président du CCAS de Kerbrénou'],
    [
      'Vice-présidente',
      'Centre communal d’action sociale de Brest',
      'Vice-présidente du Centre communal d’action sociale de Brest',
    ],
    [
      'Président du Centre communal d’action sociale',
      'Centre communal d’action sociale de Brest',
      'Président du Centre communal d’action sociale de Brest',
    ],
    ['Maire', 'Ville de Quimper', 'Maire de la Ville de Quimper'],
    ['Le Directeur', 'Association Le Relais', 'Directeur de l’Association Le Relais'],
    ["Directrice de l'association", 'Association Le Relais', 'Directrice de l’Association Le Relais'],
    ['Directeur', 'Relais Emploi Iroise', 'Directeur du Relais Emploi Iroise'],
    [
      'Vice-présidente chargée de l’insertion',
      'CCAS de Kerbrénou',
      'Vice-présidente chargée de l’insertion du CCAS de Kerbrénou',
    ],
  ])('%s of %s', (title, name, expected) => {
    expect(signatoryQuality(title, name)).toBe(expected);
  });

  it('never repeats the structure’s name, whatever the title says of it', () => {
    const heads = fc.constantFrom('CCAS', 'Ville', 'Association', 'Centre communal d’action sociale', 'Mairie');
    const towns = fc.constantFrom('Kerbrénou', 'Brest', 'Quimper', 'Le Relais');
    const functions = fc.constantFrom(
      'Président',
      'Présidente',
      'Le Président',
      'La Directrice',
      'Maire',
      'Vice-présidente',
    );
    const articles = fc.constantFrom(' du ', ' de la ', ' de l’', ' de ');
    fc.assert(
      fc.property(
        heads,
        towns,
        functions,
        articles,
        fc.boolean(),
        fc.boolean(),
        (head, town, fn, article, namesHead, namesTown) => {
          const name = `${head} de ${town}`;
          const title = namesHead ? `${fn}${article}${head}${namesTown ? ` de ${town}` : ''}` : fn;
          const quality = signatoryQuality(title, name);
          expect(quality.split(head).length - 1).toBe(1);
          expect(quality).toContain(name);
          expect(quality).not.toMatch(/^(Le|La|L’) /);
        },
      ),
    );
  });

  it('the examples shown in the setup wizard compose without a doubled word', () => {
    expect(signatoryQuality(SIGNATORY_TITLE_EXAMPLE, STRUCTURE_NAME_EXAMPLE)).toBe('Présidente du CCAS de Kerbrénou');
    expect(signatoryQuality(EMPLOYER_SIGNATORY_TITLE_EXAMPLE, 'Association Le Relais')).toBe(
      'Directeur de l’Association Le Relais',
    );
  });

  it.each([
    ['La Présidente du CCAS', 'f'],
    ['Le Directeur', 'm'],
    ['Présidente', 'f'],
    ['Président', 'm'],
    ['Vice-présidente', 'f'],
    ['Directrice générale', 'f'],
    ['Directeur général', 'm'],
    ['Déléguée', 'f'],
    ['Délégué', 'm'],
    ['Adjointe au maire', 'f'],
    ['Trésorier', 'm'],
    ['Conseillère', 'f'],
    ['Maire', null],
    ['Responsable du pôle', null],
    ['Secrétaire générale', null],
  ] as const)('the title %s tells the gender %s', (title, gender) => {
    expect(titleGender(title)).toBe(gender);
  });
});

describe('plural agreement with a count', () => {
  it.each([
    [0, 'personne'],
    [1, 'personne'],
    [1.5, 'personne'],
    [1.99, 'personne'],
    [2, 'personnes'],
    [3, 'personnes'],
    [-1, 'personne'],
    [-2, 'personnes'],
  ])('%s takes « %s »', (n, expected) => {
    expect(plural(n, 'personne', 'personnes')).toBe(expected);
  });

  it.each([
    [0, '0~demi-journée'],
    [1, '1~demi-journée'],
    [2, '2~demi-journées'],
    [1200, '1_200~demi-journées'],
  ])('%s is written « %s », number and noun held together', (n, expected) => {
    expect(shown(countOf(n, 'demi-journée', 'demi-journées'))).toBe(expected);
  });

  it('never goes back to the singular as the count grows, and ignores the sign', () => {
    const count = fc.double({ min: 0, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(count, count, (x, y) => {
        const [small, large] = x <= y ? [x, y] : [y, x];
        const many = (n: number) => plural(n, 'un', 'plusieurs') === 'plusieurs';
        return (!many(small) || many(large)) && many(small) === many(-small);
      }),
    );
  });
});

describe('de before a person’s name', () => {
  it.each([
    ['Anne Morvan', 'd’Anne Morvan'],
    ['Élodie Le Gall', 'd’Élodie Le Gall'],
    ['Yves Tanguy', 'd’Yves Tanguy'],
    ['Hélène Caroff', 'd’Hélène Caroff'],
    ['Yann Kervella', 'de Yann Kervella'],
    ['Le Gall', 'de Le Gall'],
    ['Les Ajoncs', 'de Les Ajoncs'],
    ['Soizic Le Roux', 'de Soizic Le Roux'],
  ])('le compte %s → « le compte %s »', (name, expected) => {
    expect(deName(name)).toBe(expected);
  });
});

describe('agreeLabel: a label written for anyone, as it reads for one person', () => {
  it.each([
    ['madame', 'Présent·e', 'Présente'],
    ['monsieur', 'Présent·e', 'Présent'],
    [null, 'Présent·e', 'Présent·e'],
    ['madame', 'Admis(e)', 'Admise'],
    ['monsieur', 'Admis(e)', 'Admis'],
    ['monsieur', 'Orienté·e vers une formation', 'Orienté vers une formation'],
    ['madame', 'Excusé·es', 'Excusées'],
    ['monsieur', 'Absence non justifiée', 'Absence non justifiée'],
    ['madame', 'Retard', 'Retard'],
  ] as const)('%s: %s → %s', (civility, label, expected) => {
    expect(agreeLabel(civility, label)).toBe(expected);
  });
});

describe('the person page speaks of a woman and of a man as they are', () => {
  // What the page shows beside the birth date, the parcours steps and the France Travail line.
  it.each([
    ['madame', 'Né·e le', 'Née le'],
    ['monsieur', 'Né·e le', 'Né le'],
    ['madame', JOURNEY_STATUS_LABELS.admise, 'Admise'],
    ['monsieur', JOURNEY_STATUS_LABELS.admise, 'Admis'],
    ['madame', JOURNEY_STATUS_LABELS.orientee, 'Orientée'],
    ['monsieur', JOURNEY_STATUS_LABELS.refusee, 'Refusé'],
    ['madame', JOURNEY_STATUS_LABELS.sortie, 'Sortie'],
    ['monsieur', 'non inscrit·e', 'non inscrit'],
    [null, JOURNEY_STATUS_LABELS.admise, 'Admis·e'],
  ] as const)('%s: %s → %s', (civility, label, expected) => {
    expect(agreeLabel(civility, label)).toBe(expected);
  });

  it('leaves no inclusive ending in any parcours step once the civility is known', () => {
    for (const civility of ['madame', 'monsieur'] as const)
      for (const label of Object.values(JOURNEY_STATUS_LABELS))
        expect(agreeLabel(civility, label)).not.toMatch(/·|\(e\)/);
  });
});

describe('asSentence: a list typed in a setting printed as a sentence of its own', () => {
  it.each([
    ['débit et assemblage de pièces de bois', 'Débit et assemblage de pièces de bois.'],
    ['Débit et ponçage.', 'Débit et ponçage.'],
    ['éplucher, trier… ', 'Éplucher, trier…'],
    ['  tonte. . ', 'Tonte.'],
    ['', ''],
    ['   ', ''],
  ])('%j → %j', (text, expected) => {
    expect(asSentence(text)).toBe(expected);
  });
});

describe('activityInSentence: the activity inside a sentence', () => {
  it.each([
    ['menuiserie', 'menuiserie'],
    ['espaces_verts', 'espaces verts'],
    ['batiment', 'bâtiment'],
    ['Repair café', 'Repair café'],
  ])('%s → %s', (activity, expected) => {
    expect(activityInSentence(activity)).toBe(expected);
  });
});
