/**
 * The records a journal entry names, told to the administrator who reads it:
 * the journal stores references only (`person:12`, CNIL délibération 2021-122:
 * no names nor free text in the traces), and the names are looked up here,
 * each time the journal is shown or exported. An anonymised person stays
 * « personne anonymisée »: the journal never gives back a scrubbed name.
 */
import { peopleNamed, rowsNamed } from '../db/repositories/journal';
import { formatFrenchDate } from '../shared/dates';
import type { ReadableDb } from '../db/access';

/** What a reference's kind is, in French, when it has no name to show. */
const KIND_LABELS: Record<string, string> = {
  structure: 'Structure',
  employer: 'Employeur',
  wageRate: 'Taux horaire',
  user: 'Compte',
  organisation: 'Organisme',
  contact: 'Contact',
  person: 'Personne',
  nir: 'Numéro de sécurité sociale',
  journey: 'Parcours',
  obstacle: 'Frein',
  worksite: 'Chantier',
  session: 'Demi-journée',
  participation: 'Inscription',
  closure: 'Fermeture',
  calendar: 'Calendrier',
  document: 'Document',
  attachment: 'Pièce jointe',
  payroll: 'Paie',
  observation: 'Observation',
  debrief: 'Compte rendu',
  backup: 'Sauvegarde',
  backupKey: 'Clé de sauvegarde',
  restore: 'Restauration',
  rgpd: 'Document RGPD',
  stats: 'Statistiques',
  fseOperation: 'Opération FSE+',
  journal: 'Entrées purgées',
  clock: 'Horloge',
  device: 'Poste',
  pairingCode: 'Code d’appairage',
};

export const ANONYMISED = 'personne anonymisée';

interface Ref {
  kind: string;
  id: string;
}

function parse(ref: string): Ref {
  const at = ref.indexOf(':');
  return at < 0 ? { kind: ref, id: '' } : { kind: ref.slice(0, at), id: ref.slice(at + 1) };
}

function numericIds(refs: readonly Ref[], kinds: readonly string[]): number[] {
  const ids = new Set<number>();
  for (const r of refs) if (kinds.includes(r.kind) && /^\d+$/.test(r.id)) ids.add(Number(r.id));
  return [...ids];
}

type Names = Map<string, string>;

/** Looks every named record up once, a query per kind, whatever the count of entries. */
async function lookUp(db: ReadableDb, refs: readonly Ref[]): Promise<Names> {
  const names: Names = new Map();
  const ids = (kind: string) => numericIds(refs, [kind]);
  const rows = await rowsNamed(db, {
    participation: ids('participation'),
    journey: ids('journey'),
    user: ids('user'),
    worksite: ids('worksite'),
    employer: ids('employer'),
    organisation: ids('organisation'),
    contact: ids('contact'),
    document: ids('document'),
    payroll: ids('payroll'),
    device: ids('device'),
  });
  const personIds = [
    ...new Set([
      ...numericIds(refs, ['person', 'nir']),
      ...rows.participations.map((p) => p.personId),
      ...rows.journeys.map((j) => j.personId),
    ]),
  ];
  for (const p of await peopleNamed(db, personIds))
    names.set(
      `person:${p.id}`,
      p.anonymisedOn ? ANONYMISED : `${p.lastName.toLocaleUpperCase('fr-FR')} ${p.firstNames}`,
    );
  const personOf = (id: number) => names.get(`person:${id}`) ?? `personne n° ${id}`;
  for (const r of refs)
    if (r.kind === 'nir' && /^\d+$/.test(r.id))
      names.set(`nir:${r.id}`, `N° de sécurité sociale de ${personOf(Number(r.id))}`);
  for (const p of rows.participations)
    names.set(`participation:${p.id}`, `Inscription de ${personOf(p.personId)} sur ${p.name}`);
  for (const j of rows.journeys) names.set(`journey:${j.id}`, `Parcours de ${personOf(j.personId)}`);
  for (const u of rows.users) names.set(`user:${u.id}`, u.name);
  for (const w of rows.worksites) names.set(`worksite:${w.id}`, w.name);
  for (const e of rows.employers) names.set(`employer:${e.id}`, e.name);
  for (const o of rows.organisations) names.set(`organisation:${o.id}`, o.name);
  for (const c of rows.contacts) names.set(`contact:${c.id}`, `${c.firstName} ${c.lastName}`);
  for (const d of rows.documents) names.set(`document:${d.id}`, `Document ${d.number}`);
  for (const d of rows.devices) names.set(`device:${d.id}`, `Poste « ${d.name} »`);
  for (const h of rows.payrolls) names.set(`payroll:${h.id}`, `Paie de ${monthName(h.month)}, ${h.name}`);
  return names;
}

const MONTH = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' });
function monthName(month: string): string {
  return /^\d{4}-\d{2}$/.test(month) ? MONTH.format(new Date(`${month}-01T00:00:00Z`)) : month;
}

/** A reference with no row behind it (deleted since, or not a row): its kind in French and what it holds. */
function fallback(ref: Ref): string {
  const kind = KIND_LABELS[ref.kind] ?? ref.kind;
  if (ref.kind === 'person') return ANONYMISED;
  if (ref.kind === 'closure' && /^\d{4}-\d{2}-\d{2}$/.test(ref.id)) return `Fermeture du ${formatFrenchDate(ref.id)}`;
  if (ref.kind === 'calendar' && /^\d{4}-\d{2}-\d{2}$/.test(ref.id))
    return `Calendrier à compter du ${formatFrenchDate(ref.id)}`;
  if (ref.kind === 'journal') return `${ref.id} entrée${ref.id === '1' ? '' : 's'} purgée${ref.id === '1' ? '' : 's'}`;
  if (/^\d+$/.test(ref.id)) return `${kind} n° ${ref.id}`;
  return ref.id ? `${kind} (${ref.id.replaceAll(':', ' ')})` : kind;
}

/** Each entry's references with what they name, in their order. */
export async function nameRecords(
  db: ReadableDb,
  entries: readonly (readonly string[])[],
): Promise<{ ref: string; label: string }[][]> {
  const refs = [...new Set(entries.flat())].map(parse);
  const names = await lookUp(db, refs);
  return entries.map((list) => list.map((ref) => ({ ref, label: names.get(ref) ?? fallback(parse(ref)) })));
}
