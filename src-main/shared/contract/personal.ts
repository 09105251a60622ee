import { z } from 'zod';

/**
 * Marks on output schemas, read by the dispatcher's tests: which fields name a
 * person, and which carry a sensitive category. A method whose output holds a
 * sensitive field must be journaled (`audit`), and one whose output names
 * people is checked against every role's reach (tests/unit/scope.test.ts).
 * Fields keyed `personId`, `personIds`, `personName`, `firstNames` or
 * `lastName` name a person by their key; other names wear `personName`.
 */
export const SENSITIVE_CATEGORIES = {
  health: 'santé (visites, restrictions)',
  social: 'situation sociale, freins et bilans',
  observations: 'observations de l’encadrant',
  psychologist: 'entretiens avec la psychologue',
  hours: 'heures et absences d’une personne',
  payroll: 'éléments de paie',
  statistics: 'personnes derrière un chiffre',
  nir: 'numéro de sécurité sociale',
} as const;
export type SensitiveCategory = keyof typeof SENSITIVE_CATEGORIES;

export const PERSON_KEYS: readonly string[] = ['personId', 'personIds', 'personName', 'firstNames', 'lastName'];

interface PersonalMeta {
  person?: true;
  sensitive?: SensitiveCategory;
}

const marks = z.registry<PersonalMeta>();

/** A person's full name in an output where the key alone (`name`) does not say so. */
export const personName = z.string().register(marks, { person: true });

/** The schema carries a sensitive category: reading it is journaled. */
export function sensitive<T extends z.ZodType>(category: SensitiveCategory, schema: T): T {
  const marked = schema.clone() as T;
  marks.add(marked, { sensitive: category });
  return marked;
}

/** Every person id an output names under a person key, for the journal of a sensitive read. */
export function personIdsIn(value: unknown, found = new Set<number>()): Set<number> {
  if (Array.isArray(value)) for (const item of value) personIdsIn(item, found);
  else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if ((key === 'personId' || key === 'personIds') && child !== null) {
        for (const id of [child].flat()) if (typeof id === 'number') found.add(id);
      } else personIdsIn(child, found);
    }
  }
  return found;
}

/** The marks found anywhere in a schema: its person-naming keys and its sensitive categories. */
export function personalMarks(schema: z.ZodType): { names: boolean; categories: Set<SensitiveCategory> } {
  const found = { names: false, categories: new Set<SensitiveCategory>() };
  const seen = new Set<unknown>();
  const visit = (node: unknown) => {
    if (node === null || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) return node.forEach(visit);
    const zod = (node as { _zod?: { def: Record<string, unknown> } })._zod;
    if (!zod) return;
    const meta = marks.get(node as z.ZodType);
    if (meta?.person) found.names = true;
    if (meta?.sensitive) found.categories.add(meta.sensitive);
    const def = zod.def;
    if (def.type === 'object') {
      for (const [key, child] of Object.entries(def.shape as Record<string, unknown>)) {
        if (PERSON_KEYS.includes(key)) found.names = true;
        visit(child);
      }
    }
    if (def.type === 'lazy') visit((def.getter as () => unknown)());
    for (const [key, value] of Object.entries(def)) if (key !== 'shape' && key !== 'getter') visit(value);
  };
  visit(schema);
  return found;
}
