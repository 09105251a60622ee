import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { findMapping, saveMapping } from '../../db/repositories/import-mappings';
import * as people from '../../db/repositories/people';
import { applyChanges, proposeChanges, type FieldChange } from '../../domain/import-merge';
import {
  educationLevelHint,
  headerSignature,
  isImportField,
  parseEducationLevel,
  readDateCell,
  parseResources,
  parseSex,
  suggestMapping,
} from '../../domain/import-values';
import { readTable } from '../../imports/table';
import { IMPORT_FIELD_LABELS, type ImportField, type PreviewRow } from '../../shared/contract/people-import';
import { blankPerson, personInput, type PersonInput, type SituationInput } from '../../shared/contract/people';
import {
  EDUCATION_LEVEL_LABELS,
  RESOURCE_LABELS,
  type EducationLevel,
  type Resource,
} from '../../shared/contract/people-lists';
import { AppError } from '../../shared/errors';
import { nameSearchKey } from '../../shared/text';
import { readChosen } from '../client-files';
import type { HandlerMap } from '../handler';
import type { ReadableDb } from '../../db/access';

type Input = { headers: string[]; rows: string[][]; mapping: (ImportField | null)[] };
type Identity = Omit<PersonInput, 'nir'> & { nir: string };

interface Plan {
  row: PreviewRow;
  identity?: Identity;
  /** For an existing record: what the row would change. */
  changes?: FieldChange<MergedField>[];
  situation?: { resources: Resource; educationLevel: EducationLevel } | null;
}

const REQUIRED: ImportField[] = ['lastName', 'firstNames', 'birthDate', 'sex'];
const IDENTITY_FIELDS = [
  'lastName',
  'birthName',
  'firstNames',
  'birthDate',
  'sex',
  'address',
  'postcode',
  'town',
  'phone',
  'email',
] as const;

function assertMapping(mapping: (ImportField | null)[]) {
  const missing = REQUIRED.filter((f) => !mapping.includes(f));
  if (missing.length > 0) {
    throw new AppError(
      'INVALID_INPUT',
      `Indiquez quelle colonne contient : ${missing.map((f) => IMPORT_FIELD_LABELS[f]).join(', ')}.`,
      { field: 'mapping' },
    );
  }
  const hasResources = mapping.includes('resources');
  if (hasResources !== mapping.includes('educationLevel')) {
    throw new AppError(
      'INVALID_INPUT',
      'Les ressources et le niveau de formation forment la situation : associez les deux colonnes, ou aucune.',
      {
        field: 'mapping',
      },
    );
  }
  const seen = new Set<ImportField>();
  for (const field of mapping) {
    if (field && seen.has(field))
      throw new AppError(
        'INVALID_INPUT',
        `Deux colonnes remplissent « ${IMPORT_FIELD_LABELS[field]} » : gardez-en une.`,
        { field: 'mapping' },
      );
    if (field) seen.add(field);
  }
}

/** What each row would do; nothing is written. */
async function plan(db: ReadableDb, input: Input, today: string): Promise<Plan[]> {
  assertMapping(input.mapping);
  const columnOf = new Map<ImportField, number>();
  input.mapping.forEach((field, index) => field && columnOf.set(field, index));
  const seenKeys = new Map<string, number>();
  const plans: Plan[] = [];

  for (const [index, cells] of input.rows.entries()) {
    const line = index + 2;
    const errors: Record<string, string> = {};
    const fail = (field: ImportField, message: string) => (errors[String(columnOf.get(field))] ??= message);
    const raw = (field: ImportField) => (columnOf.has(field) ? (cells[columnOf.get(field)!] ?? '').trim() : undefined);

    const draft: Record<string, unknown> = { ...blankPerson(), sex: 'F' };
    const mapped: Partial<Record<ImportField, string>> = {};
    for (const field of IDENTITY_FIELDS) {
      const value = raw(field);
      if (value === undefined) continue;
      if (field === 'birthDate') {
        const date = readDateCell(value, today);
        if ('error' in date) fail(field, value ? date.error : 'La date de naissance manque.');
        else if (date.iso > today) fail(field, 'La date de naissance est dans le futur.');
        draft.birthDate = 'iso' in date ? date.iso : '';
      } else if (field === 'sex') {
        const sex = parseSex(value);
        if (sex === null) fail(field, value ? `« ${value} » : écrivez F ou M.` : 'Le sexe manque (F ou M).');
        draft.sex = sex ?? 'F';
      } else {
        draft[field] = value;
      }
      mapped[field] = String(draft[field]);
    }
    const parsed = personInput.safeParse(draft);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0]);
        if (isImportField(field) && columnOf.has(field)) fail(field, issue.message);
      }
    }

    const situationCells = readSituation(raw('resources'), raw('educationLevel'));
    for (const [field, message] of situationCells.errors) fail(field, message);

    const key = nameSearchKey(String(draft.lastName), String(draft.firstNames)) + '|' + String(draft.birthDate);
    if (parsed.success && Object.keys(errors).length === 0) {
      const earlier = seenKeys.get(key);
      if (earlier !== undefined) fail('lastName', `Même personne qu’à la ligne ${earlier} : gardez une seule ligne.`);
      else seenKeys.set(key, line);
    }

    const invalid = (): Plan => ({
      row: { line, action: 'invalid', errors, personId: null, changes: [], version: null },
    });
    if (!parsed.success || Object.keys(errors).length > 0) {
      plans.push(invalid());
      continue;
    }
    const identity = parsed.data as Identity;
    const matches = await people.findDuplicates(
      db,
      { ...identity, birthName: identity.birthName ?? '', nir: '' },
      null,
    );
    if (matches.length > 1) {
      fail('lastName', 'Plusieurs fiches existantes correspondent à cette ligne : complétez-la à la main.');
      plans.push(invalid());
      continue;
    }
    const imported: Partial<Record<MergedField, string>> = { ...situationCells.values };
    for (const field of Object.keys(mapped) as ImportField[])
      imported[field as MergedField] = String((identity as Record<string, unknown>)[field] ?? '');

    if (matches.length === 0) {
      const situation = completeSituation(imported);
      if (situation === 'incomplete') {
        missingSituation(imported, fail);
        plans.push(invalid());
        continue;
      }
      plans.push({
        row: { line, action: 'create', errors, personId: null, changes: [], version: null },
        identity,
        situation,
      });
      continue;
    }

    // A row matching an existing person only proposes changes: empty cells and same-written values keep the record.
    const personId = matches[0]!.id;
    const stored = await storedState(db, personId);
    const changes = proposeChanges(stored.values, imported, MERGED_FIELDS);
    const situation = completeSituation(applyChanges(stored.values, changes));
    if (situation === 'incomplete') {
      missingSituation(imported, fail);
      plans.push(invalid());
      continue;
    }
    const version = changes.length ? versionOf(stored.version, changes) : null;
    const row: PreviewRow = {
      line,
      action: changes.length ? 'update' : 'unchanged',
      errors,
      personId,
      changes: changes.map(shown),
      version,
    };
    plans.push({ row, changes, situation });
  }
  return plans;
}

const MERGED_FIELDS = [...IDENTITY_FIELDS, 'resources', 'educationLevel'] as const;
type MergedField = (typeof MERGED_FIELDS)[number];

/** The situation cells: empty is "not given"; a value we cannot read is an error saying what to write. */
function readSituation(resourcesCell: string | undefined, levelCell: string | undefined) {
  const values: Partial<Record<'resources' | 'educationLevel', string>> = {};
  const errors: [ImportField, string][] = [];
  if (resourcesCell) {
    const resources = parseResources(resourcesCell);
    if (resources) values.resources = resources;
    else
      errors.push([
        'resources',
        `« ${resourcesCell} » : écrivez RSA, ASS, AAH, ARE, sans ressources, salaire ou autre.`,
      ]);
  }
  if (levelCell) {
    const level = parseEducationLevel(levelCell);
    if (level) values.educationLevel = level;
    else errors.push(['educationLevel', educationLevelHint(levelCell)]);
  }
  return { values, errors };
}

/** Resources and education level make a situation together: both, or neither. */
function completeSituation(values: Partial<Record<MergedField, string>>): Plan['situation'] | 'incomplete' {
  const resources = values.resources || '';
  const educationLevel = values.educationLevel || '';
  if (!resources && !educationLevel) return null;
  if (!resources || !educationLevel) return 'incomplete';
  return { resources: resources as Resource, educationLevel: educationLevel as EducationLevel };
}

function missingSituation(
  imported: Partial<Record<MergedField, string>>,
  fail: (field: ImportField, message: string) => void,
) {
  if (!imported.resources)
    fail('resources', 'Les ressources manquent : le niveau de formation seul ne fait pas une situation.');
  if (!imported.educationLevel)
    fail('educationLevel', 'Le niveau de formation manque : les ressources seules ne font pas une situation.');
}

/** The stored values, as the merge compares them, and what says they have not changed since. */
async function storedState(db: ReadableDb, personId: number) {
  const person = await people.storedPerson(db, personId);
  const latest = (await people.listSituations(db, personId))[0];
  const values = {} as Record<MergedField, string>;
  for (const field of IDENTITY_FIELDS) values[field] = String((person as Record<string, unknown>)[field] ?? '');
  values.resources = latest?.resources ?? '';
  values.educationLevel = latest?.educationLevel ?? '';
  // What the user saw compared, not a timestamp: two writes in the same millisecond still differ.
  return { person, latest, values, version: JSON.stringify([values, latest?.id ?? 0, person.updatedAt]) };
}

function versionOf(stored: string, changes: FieldChange<MergedField>[]): string {
  return createHash('sha256')
    .update(JSON.stringify([stored, changes]))
    .digest('hex')
    .slice(0, 32);
}

function shown(change: FieldChange<MergedField>): PreviewRow['changes'][number] {
  const label = (value: string) => {
    if (!value) return '';
    if (change.field === 'resources') return RESOURCE_LABELS[value as Resource] ?? value;
    if (change.field === 'educationLevel') return EDUCATION_LEVEL_LABELS[value as EducationLevel] ?? value;
    return value;
  };
  return { field: IMPORT_FIELD_LABELS[change.field], from: label(change.from), to: label(change.to) };
}

function count(plans: Plan[]) {
  const counts = { create: 0, update: 0, unchanged: 0, invalid: 0 };
  for (const p of plans) counts[p.row.action] += 1;
  return counts;
}

function situationFor(s: NonNullable<Plan['situation']>, today: string, previous?: SituationInput): SituationInput {
  return {
    observedOn: today,
    resources: s.resources,
    educationLevel: s.educationLevel,
    rsaMonths: previous?.rsaMonths ?? null,
    franceTravailSince: previous?.franceTravailSince ?? null,
    rqth: previous?.rqth ?? 'inconnu',
    housing: previous?.housing ?? '',
    drivingLicence: previous?.drivingLicence ?? false,
    vehicle: previous?.vehicle ?? false,
    publicTransport: previous?.publicTransport ?? false,
  };
}

type Accepted = { line: number; personId: number; version: string };

/**
 * The update rows the user ticked. Each must still be the proposal the preview showed:
 * a row that proposes nothing now, another person, or a record changed since is refused, never overwritten.
 */
function acceptedPlans(plans: Plan[], accepted: Accepted[]): Set<Plan> {
  const byLine = new Map(plans.map((p) => [p.row.line, p]));
  const ticked = new Set<Plan>();
  for (const a of accepted) {
    const p = byLine.get(a.line);
    if (!p || p.row.action !== 'update' || p.row.personId !== a.personId) {
      throw new AppError(
        'INVALID_INPUT',
        `La ligne ${a.line} ne propose pas de mise à jour de cette fiche : vérifiez à nouveau les lignes. Rien n’a été enregistré.`,
        {
          field: 'accepted',
        },
      );
    }
    if (p.row.version !== a.version) {
      throw new AppError(
        'CONFLICT',
        `La fiche de la ligne ${a.line} a été modifiée depuis la vérification : vérifiez à nouveau les lignes avant d’importer. Rien n’a été enregistré.`,
        { field: 'accepted' },
      );
    }
    ticked.add(p);
  }
  return ticked;
}

/** Writes only the changes the preview listed for this row; every other field stays as stored. */
async function applyUpdate(
  db: Kysely<Database>,
  personId: number,
  p: Plan,
  at: { today: string; now: string; userId: number | null },
) {
  const changes = p.changes ?? [];
  const stored = await storedState(db, personId);
  const identityChanges = changes.filter((c) => c.field !== 'resources' && c.field !== 'educationLevel');
  if (identityChanges.length > 0) {
    const merged = applyChanges(
      { ...stored.person } as Record<string, unknown>,
      identityChanges,
    ) as unknown as Identity;
    await people.updatePerson(
      db,
      personId,
      { ...merged, nir: stored.person.nir ?? '', civility: stored.person.civility },
      at.now,
    );
  }
  if (p.situation && identityChanges.length < changes.length) {
    await people.insertSituation(db, personId, situationFor(p.situation, at.today, stored.latest), at.now, at.userId);
  }
}

/** Importing people from the spreadsheets the CCAS already keeps. */
export const peopleImportHandlers: HandlerMap<'people/importRead' | 'people/importPreview' | 'people/importCommit'> = {
  'people/importRead': async (source, { read }) => {
    const chosen = await readChosen(source, 'import');
    const table = await readTable(chosen.name, chosen.bytes);
    const remembered = await read(({ db }) => findMapping(db, headerSignature(table.headers)));
    const mapping =
      remembered && remembered.length === table.headers.length
        ? remembered.map((f) => (f && isImportField(f) ? f : null))
        : suggestMapping(table.headers);
    return {
      fileName: chosen.name,
      headers: table.headers,
      rows: table.rows,
      mapping,
      remembered: remembered !== null,
    };
  },

  'people/importPreview': async (input, { db, today }) => {
    const plans = await plan(db, input, today);
    return { rows: plans.map((p) => p.row), counts: count(plans) };
  },

  'people/importCommit': async (input, { db, today, now, session, record }) => {
    const plans = await plan(db, input, today);
    const counts = count(plans);
    if (counts.invalid > 0) {
      throw new AppError(
        'INVALID_INPUT',
        `${counts.invalid} ligne(s) sont à corriger avant d’importer : rien n’a été enregistré.`,
        { field: 'rows' },
      );
    }
    const ticked = acceptedPlans(plans, input.accepted);
    const userId = session.user?.id ?? null;
    const result = { create: 0, update: 0, unchanged: 0, invalid: 0 };
    for (const p of plans) {
      if (p.row.action === 'create') {
        const id = await people.insertPerson(db, p.identity!, now);
        if (p.situation) await people.insertSituation(db, id, situationFor(p.situation, today), now, userId);
        record(`person:${id}`);
        result.create += 1;
      } else if (p.row.action === 'update' && ticked.has(p)) {
        await applyUpdate(db, p.row.personId!, p, { today, now, userId });
        record(`person:${p.row.personId}`);
        result.update += 1;
      } else {
        result.unchanged += 1;
      }
    }
    await saveMapping(db, headerSignature(input.headers), input.mapping, now);
    return result;
  },
};
