/**
 * Gender agreement of the words that speak of a person, from the civility
 * recorded on them (how they asked to be addressed), never guessed from a
 * first name. Only where no civility is recorded does a document fall back to
 * the inclusive form "né(e)", or to a phrase that needs none ("la personne
 * salariée… elle").
 */
export type Civility = 'madame' | 'monsieur' | null;

export interface Forms {
  m: string;
  f: string;
  /** When the civility is unknown; by default the masculine with the feminine ending in brackets: "né(e)". */
  x?: string;
}

/** The masculine form with the feminine's ending in brackets ("salarié(e)", "mis(e)"), or both written out ("le salarié ou la salariée"). */
export function inclusive(m: string, f: string): string {
  return f.startsWith(m) ? `${m}(${f.slice(m.length)})` : `${m} ou ${f}`;
}

export function agree(civility: Civility, forms: Forms): string {
  if (civility === 'madame') return forms.f;
  if (civility === 'monsieur') return forms.m;
  return forms.x ?? inclusive(forms.m, forms.f);
}

/** The words documents use of a participant, agreed once. */
const WORDS = {
  né: { m: 'né', f: 'née' },
  salarié: { m: 'salarié', f: 'salariée' },
  employé: { m: 'employé', f: 'employée' },
  présent: { m: 'présent', f: 'présente' },
  attendu: { m: 'attendu', f: 'attendue' },
  mis: { m: 'mis', f: 'mise' },
  engagé: { m: 'engagé', f: 'engagée' },
  informé: { m: 'informé', f: 'informée' },
  intéressé: { m: 'intéressé', f: 'intéressée' },
  accompagné: { m: 'accompagné', f: 'accompagnée', x: 'accompagné·e' },
  satisfait: { m: 'satisfait', f: 'satisfaite', x: 'satisfait·e' },
  il: { m: 'il', f: 'elle', x: 'la personne' },
  Il: { m: 'Il', f: 'Elle', x: 'La personne' },
} as const satisfies Record<string, Forms>;

export type AgreedWord = keyof typeof WORDS;

export function word(civility: Civility, key: AgreedWord): string {
  return agree(civility, WORDS[key]);
}

/**
 * The employee as a contract names them all along: "la salariée … elle est
 * engagée". Without a civility, "la personne salariée" is feminine by its noun,
 * so every later word agrees with it and no bracket is needed.
 */
export function employeeOf(civility: Civility) {
  const feminine = civility !== 'monsieur';
  const noun = civility === 'madame' ? 'salariée' : civility === 'monsieur' ? 'salarié' : 'personne salariée';
  return {
    /** "Le salarié", "La salariée", "La personne salariée". */
    The: `${feminine ? 'La' : 'Le'} ${noun}`,
    the: `${feminine ? 'la' : 'le'} ${noun}`,
    /** "du salarié", "de la salariée". */
    ofThe: `${feminine ? 'de la' : 'du'} ${noun}`,
    /** "au salarié", "à la salariée". */
    toThe: `${feminine ? 'à la' : 'au'} ${noun}`,
    He: feminine ? 'Elle' : 'Il',
    he: feminine ? 'elle' : 'il',
    /** A past participle or adjective agreeing with the noun: e("engagé", "engagée"). */
    e: (m: string, f: string) => (feminine ? f : m),
  };
}

/**
 * A label written for anyone ("Présent·e", "Admis(e)") as it reads for one
 * person whose civility is known: "Présente", "Admis"; unchanged otherwise.
 */
export function agreeLabel(civility: Civility, label: string): string {
  if (civility === null) return label;
  return label.replace(/(\p{L}+)(?:·|\()(e|es|s)\)?(?![\p{L}])/gu, (_match, stem: string, ending: string) =>
    civility === 'madame' ? `${stem}${ending}` : ending === 'es' ? `${stem}s` : ending === 's' ? `${stem}s` : stem,
  );
}
