/**
 * Every table holding data about a person, declared once: how its rows reach
 * the person, how they are given back to them (right of access, RGPD art. 15:
 * `app/person-export.ts`) and how they are scrubbed when the file is
 * anonymised (`app/anonymise.ts`, after the retention period of the CNIL
 * référentiel on social action). A test reads the schema and fails when a
 * table pointing at a person is missing here; another checks that the export
 * gives exactly the sections declared.
 *
 * - `key`: the column leading to the person — their id, one of their
 *   contracts, parcours, evaluations or appointments; `content` when only a
 *   text of the row names them.
 * - `export`: the section of the export showing the rows, or why none does.
 * - `scrub`: `blank` empties free-text columns, `delete` removes the rows
 *   (both run from this list, `db/repositories/anonymisation.ts`); `keep`
 *   leaves them, with the reason; `rewrite` is done by a named step of the
 *   anonymisation, described here.
 *
 * Not here, on purpose: tables about the structure's staff and equipment,
 * never about the people followed, so neither their export nor their
 * anonymisation concerns them — `users` (the staff's accounts), `devices`
 * (the PCs paired with the Passerelle server: a name the administrator gives,
 * such as « PC du secrétariat », which may name the staff member using it,
 * like an account; kept for the journal's « Poste » and revoked, not deleted),
 * `pairing_codes` (hashes of one-time codes) and `pairing_failures` (the
 * instants of wrong pairing codes only: no code, no PC name, no address). No
 * column of theirs leads to a person (OWNER_COLUMNS), which the test checks.
 */
import type { Database } from './schema';

/** The columns that lead from a row to a person, and the table each one points at. */
export const OWNER_COLUMNS = {
  personId: 'persons',
  participationId: 'participations',
  journeyId: 'journeys',
  evaluationId: 'evaluations',
  annexTimeId: 'annexTimes',
} as const satisfies Record<string, keyof Database>;
export type OwnerColumn = keyof typeof OWNER_COLUMNS;
export const isOwnerColumn = (key: unknown): key is OwnerColumn => typeof key === 'string' && key in OWNER_COLUMNS;

type TextColumn<T extends keyof Database> = {
  [C in keyof Database[T]]: Database[T][C] extends string ? C : never;
}[keyof Database[T]] &
  string;

export type Scrub<T extends keyof Database> =
  { blank: readonly TextColumn<T>[] } | { delete: true } | { keep: string } | { rewrite: string };

interface Declared<T extends keyof Database> {
  table: T;
  key: OwnerColumn | 'id' | 'content' | readonly OwnerColumn[];
  export: { section: string } | { none: string };
  scrub: Scrub<T>;
}
export type PersonalTable = { [T in keyof Database]: Declared<T> }[keyof Database];

/** In the order of the export's sections. */
export const PERSONAL_DATA = [
  {
    table: 'persons',
    key: 'id',
    export: { section: 'Identité et coordonnées' },
    scrub: {
      rewrite:
        'identity, contact details, NIR and referent go; sex and a birth date giving the same ages at every entry stay for the statistics',
    },
  },
  { table: 'personSituations', key: 'personId', export: { section: 'Situation' }, scrub: { blank: ['housing'] } },
  {
    table: 'journeys',
    key: 'personId',
    export: { none: 'a parcours is its steps, given in the journeyEvents section' },
    scrub: { keep: 'status and opening date, counted in the statistics; no free text' },
  },
  { table: 'journeyEvents', key: 'journeyId', export: { section: 'Parcours' }, scrub: { blank: ['reason'] } },
  {
    table: 'outcomes',
    key: 'journeyId',
    export: { section: 'Sorties' },
    scrub: {
      rewrite: 'the detail goes; the 3- and 6-month situations become "connue" when known, so they stay countable',
    },
  },
  { table: 'obstacles', key: 'personId', export: { section: 'Freins' }, scrub: { blank: ['actions'] } },
  {
    table: 'participations',
    key: ['personId', 'journeyId'],
    export: { section: 'Contrats sur les chantiers' },
    scrub: { keep: 'contract type, dates and hours, counted in the statistics and the payroll figures' },
  },
  {
    table: 'immersions',
    key: 'personId',
    export: { section: 'Immersions en entreprise (PMSMP)' },
    scrub: {
      rewrite:
        'the goals, a minor’s legal representative and the bilan’s free texts (skills observed, follow-up, comment) are emptied; host, dates, objective and outcome stay, counted in the statistics',
    },
  },
  {
    table: 'iaeCriteria',
    key: 'personId',
    export: { section: 'Critères d’éligibilité IAE' },
    scrub: { delete: true },
  },
  {
    table: 'passIae',
    key: 'personId',
    export: { section: 'PASS IAE' },
    scrub: { delete: true }, // its prolongations go with it (on delete cascade)
  },
  {
    table: 'passIaeProlongations',
    key: 'personId',
    export: { section: 'PASS IAE' },
    scrub: { blank: ['decidedBy'] },
  },
  {
    table: 'fseParticipants',
    key: 'personId',
    export: { section: 'Données FSE+ (entrée, sortie, situation à 6 mois)' },
    scrub: {
      rewrite:
        'the sensitive answers (disability, third-country national, foreign background, minority: GDPR art. 9) are emptied; dates, labour status, age and education level stay, counted in the operation’s FSE+ figures',
    },
  },
  {
    table: 'contractRenewals',
    key: 'participationId',
    export: { none: 'a renewal moves the end date the contract section gives' },
    scrub: { keep: 'dates only, counted in the contract lengths' },
  },
  {
    table: 'attendance',
    key: 'participationId',
    export: { section: 'Présences' },
    scrub: { keep: 'marks and hours, counted in the statistics and the payroll' },
  },
  {
    table: 'annexTimes',
    key: 'participationId',
    export: { section: 'Rendez-vous et temps annexes' },
    scrub: { keep: 'kind, date and hours, counted in the hours; no free text' },
  },
  {
    table: 'evaluations',
    key: 'participationId',
    export: { section: 'Évaluations' },
    scrub: { keep: 'moment, evaluator and date; no free text' },
  },
  { table: 'evaluationItems', key: 'evaluationId', export: { section: 'Évaluations' }, scrub: { blank: ['comment'] } },
  {
    table: 'observations',
    key: 'participationId',
    export: { section: 'Observations sur le chantier' },
    scrub: { blank: ['text'] },
  },
  {
    table: 'healthChecks',
    key: 'participationId',
    export: { section: 'Visites de santé' },
    scrub: { blank: ['restrictions'] },
  },
  {
    table: 'bilans',
    key: 'participationId',
    export: { section: 'Bilans' },
    scrub: { blank: ['participantWords', 'teamAssessment', 'nextSteps', 'referentToInform', 'activitiesDone'] },
  },
  {
    table: 'psychologistNotes',
    key: 'annexTimeId',
    export: { section: 'Notes de la psychologue' },
    scrub: { delete: true },
  },
  {
    table: 'documents',
    key: ['personId', 'participationId'],
    export: { section: 'Documents établis' },
    scrub: {
      rewrite:
        'their own documents are withdrawn and the files shredded; documents of a whole worksite naming them are printed again without their name',
    },
  },
  {
    table: 'attachments',
    key: ['personId', 'participationId'],
    export: { section: 'Documents numérisés' },
    scrub: { rewrite: 'deleted, and the scans shredded once nothing points at them' },
  },
  {
    table: 'rightsRequests',
    key: 'personId',
    export: { section: 'Vos demandes sur vos données' },
    scrub: { blank: ['notes'] },
  },
  {
    table: 'regularisations',
    key: 'participationId',
    export: { none: 'pay corrections between the structure and the employer, already counted in the presences given' },
    scrub: { blank: ['reason'] },
  },
  {
    table: 'employeeNumbers',
    key: 'personId',
    export: { none: "the employer's own number for the employee, which the employer holds" },
    scrub: { delete: true },
  },
  {
    table: 'aspMonthlyStates',
    key: 'content',
    export: { none: 'the monthly state declared to the ASP; its rows are the contracts and hours given' },
    scrub: { keep: 'contract ids, hours and ASP categories only: no name, NIR or PASS IAE is kept in the rows' },
  },
  {
    table: 'payrollHandoffs',
    key: 'content',
    export: { none: 'the monthly hand-off to the employer; its lines are the contracts and presences given' },
    scrub: { rewrite: 'the lines, files and figures are made again without the name, matricule or NIR' },
  },
] as const satisfies readonly PersonalTable[];

type Exported = Extract<(typeof PERSONAL_DATA)[number], { export: { section: string } }>;
/** The tables whose rows the export gives back. */
export type ExportedTable = Exported['table'];

/** The export's sections, in order, each once. */
export const EXPORT_SECTIONS: readonly string[] = [
  ...new Set(PERSONAL_DATA.flatMap((t) => ('section' in t.export ? [t.export.section] : []))),
];

/** The section a table's rows are given in: only a table declared as exported has one. */
export function exportSection(table: ExportedTable): string {
  return PERSONAL_DATA.filter((t): t is Exported => t.table === table && 'section' in t.export)[0]!.export.section;
}
