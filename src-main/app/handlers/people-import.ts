import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { findMapping, saveMapping } from '../../db/repositories/import-mappings';
import * as people from '../../db/repositories/people';
import { headerSignature, isImportField, parseEducationLevel, readDateCell, parseResources, parseSex, suggestMapping } from '../../domain/import-values';
import { readTable } from '../../imports/table';
import { IMPORT_FIELD_LABELS, type ImportField, type PreviewRow } from '../../shared/contract/people-import';
import { blankPerson, personInput, type PersonInput, type SituationInput } from '../../shared/contract/people';
import { EDUCATION_LEVEL_LABELS, RESOURCE_LABELS, type EducationLevel, type Resource } from '../../shared/contract/people-lists';
import { AppError } from '../../shared/errors';
import { nameSearchKey } from '../../shared/text';
import type { HandlerMap } from '../handler';

type Input = { headers: string[]; rows: string[][]; mapping: (ImportField | null)[] };
type Identity = Omit<PersonInput, 'nir'> & { nir: string };

interface Plan {
  row: PreviewRow;
  identity?: Identity;
  /** Only the mapped fields, for updates of an existing record. */
  mapped?: Partial<Record<ImportField, string>>;
  situation?: { resources: Resource; educationLevel: EducationLevel } | null;
}

const REQUIRED: ImportField[] = ['lastName', 'firstNames', 'birthDate', 'sex'];
const IDENTITY_FIELDS = ['lastName', 'birthName', 'firstNames', 'birthDate', 'sex', 'address', 'postcode', 'town', 'phone', 'email'] as const;

function assertMapping(mapping: (ImportField | null)[]) {
  const missing = REQUIRED.filter((f) => !mapping.includes(f));
  if (missing.length > 0) {
    throw new AppError('INVALID_INPUT', `Indiquez quelle colonne contient : ${missing.map((f) => IMPORT_FIELD_LABELS[f]).join(', ')}.`, { field: 'mapping' });
  }
  const hasResources = mapping.includes('resources');
  if (hasResources !== mapping.includes('educationLevel')) {
    throw new AppError('INVALID_INPUT', 'Les ressources et le niveau de formation forment la situation : associez les deux colonnes, ou aucune.', {
      field: 'mapping',
    });
  }
  const seen = new Set<ImportField>();
  for (const field of mapping) {
    if (field && seen.has(field)) throw new AppError('INVALID_INPUT', `Deux colonnes remplissent « ${IMPORT_FIELD_LABELS[field]} » : gardez-en une.`, { field: 'mapping' });
    if (field) seen.add(field);
  }
}

/** What each row would do; nothing is written. */
async function plan(db: Kysely<Database>, input: Input, today: string): Promise<Plan[]> {
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

    let situation: Plan['situation'] = null;
    if (columnOf.has('resources')) {
      const resources = parseResources(raw('resources')!);
      const educationLevel = parseEducationLevel(raw('educationLevel')!);
      if (!resources) fail('resources', `« ${raw('resources')} » : écrivez RSA, ASS, AAH, ARE, sans ressources, salaire ou autre.`);
      if (!educationLevel) fail('educationLevel', `« ${raw('educationLevel')} » : écrivez infra 3, 3, 4, 5, 6, 7 ou 8.`);
      if (resources && educationLevel) situation = { resources, educationLevel };
    }

    const key = nameSearchKey(String(draft.lastName), String(draft.firstNames)) + '|' + String(draft.birthDate);
    if (parsed.success && Object.keys(errors).length === 0) {
      const earlier = seenKeys.get(key);
      if (earlier !== undefined) fail('lastName', `Même personne qu'à la ligne ${earlier} : gardez une seule ligne.`);
      else seenKeys.set(key, line);
    }

    if (!parsed.success || Object.keys(errors).length > 0) {
      plans.push({ row: { line, action: 'invalid', errors, personId: null, changes: [] } });
      continue;
    }
    const identity = parsed.data as Identity;
    const matches = await people.findDuplicates(db, { ...identity, birthName: identity.birthName ?? '', nir: '' }, null);
    if (matches.length > 1) {
      fail('lastName', 'Plusieurs fiches existantes correspondent à cette ligne : complétez-la à la main.');
      plans.push({ row: { line, action: 'invalid', errors, personId: null, changes: [] } });
      continue;
    }
    if (matches.length === 0) {
      plans.push({ row: { line, action: 'create', errors, personId: null, changes: [] }, identity, situation });
      continue;
    }
    const personId = matches[0]!.id;
    const stored = await db.selectFrom('persons').selectAll().where('id', '=', personId).executeTakeFirstOrThrow();
    const changes: PreviewRow['changes'] = [];
    const cleaned: Partial<Record<ImportField, string>> = {};
    for (const field of Object.keys(mapped) as ImportField[]) {
      const next = String((identity as Record<string, unknown>)[field] ?? '');
      const before = String((stored as Record<string, unknown>)[field] ?? '');
      cleaned[field] = next;
      if (next !== before) changes.push({ field: IMPORT_FIELD_LABELS[field], from: before, to: next });
    }
    if (situation) {
      const latest = (await people.listSituations(db, personId))[0];
      if (latest?.resources !== situation.resources) {
        changes.push({ field: 'Ressources', from: latest ? RESOURCE_LABELS[latest.resources as Resource] : '', to: RESOURCE_LABELS[situation.resources] });
      }
      if (latest?.educationLevel !== situation.educationLevel) {
        changes.push({
          field: 'Niveau de formation',
          from: latest ? EDUCATION_LEVEL_LABELS[latest.educationLevel as EducationLevel] : '',
          to: EDUCATION_LEVEL_LABELS[situation.educationLevel],
        });
      }
    }
    plans.push({ row: { line, action: changes.length ? 'update' : 'unchanged', errors, personId, changes }, mapped: cleaned, situation });
  }
  return plans;
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

/** Importing people from the spreadsheets the CCAS already keeps. */
export const peopleImportHandlers: HandlerMap<'people/importRead' | 'people/importPreview' | 'people/importCommit'> = {
  'people/importRead': async ({ path: file }, { services }) => {
    const table = await readTable(file);
    const remembered = await findMapping(services.db, headerSignature(table.headers));
    const mapping =
      remembered && remembered.length === table.headers.length
        ? remembered.map((f) => (f && isImportField(f) ? f : null))
        : suggestMapping(table.headers);
    return { fileName: path.basename(file), headers: table.headers, rows: table.rows, mapping, remembered: remembered !== null };
  },

  'people/importPreview': async (input, { db, today }) => {
    const plans = await plan(db, input, today);
    return { rows: plans.map((p) => p.row), counts: count(plans) };
  },

  'people/importCommit': async (input, { db, today, now, session, record }) => {
    const plans = await plan(db, input, today);
    const counts = count(plans);
    if (counts.invalid > 0) {
      throw new AppError('INVALID_INPUT', `${counts.invalid} ligne(s) sont à corriger avant d'importer : rien n'a été enregistré.`, { field: 'rows' });
    }
    const userId = session.user?.id ?? null;
    for (const p of plans) {
      if (p.row.action === 'create') {
        const id = await people.insertPerson(db, p.identity!, now);
        if (p.situation) await people.insertSituation(db, id, situationFor(p.situation, today), now, userId);
        record(`person:${id}`);
      } else if (p.row.action === 'update') {
        const id = p.row.personId!;
        const stored = await db.selectFrom('persons').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
        const merged = { ...stored, ...p.mapped } as unknown as Identity;
        await people.updatePerson(db, id, { ...merged, nir: stored.nir ?? '', civility: stored.civility as Identity['civility'] }, now);
        if (p.situation && p.row.changes.some((c) => c.field === 'Ressources' || c.field === 'Niveau de formation')) {
          const latest = (await people.listSituations(db, id))[0];
          const previous = latest
            ? { ...latest, resources: latest.resources as Resource, educationLevel: latest.educationLevel as EducationLevel, rqth: latest.rqth as SituationInput['rqth'], drivingLicence: latest.drivingLicence === 1, vehicle: latest.vehicle === 1, publicTransport: latest.publicTransport === 1 }
            : undefined;
          await people.insertSituation(db, id, situationFor(p.situation, today, previous), now, userId);
        }
        record(`person:${id}`);
      }
    }
    await saveMapping(db, headerSignature(input.headers), input.mapping, now);
    return counts;
  },
};
