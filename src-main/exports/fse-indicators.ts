/**
 * What leaves the structure for the FSE+: the indicators table as published
 * (statistical secrecy applied once, `domain/fse-plus-indicators.ts`) as an
 * .xlsx workbook, and the per-participant CSV in the layout below.
 */
import { loadExcel } from '../imports/table';
import { SECRECY_NOTE } from '../domain/secrecy';
import {
  FSE_COLUMNS,
  FSE_COLUMN_LABELS,
  FSE_SECTION_LABELS,
  countsInImmediateResults,
  countsInLongerTermResults,
  countsInOutputs,
  iscedGroupOf,
  type FsePeriod,
  type FseSection,
} from '../domain/fse-plus-indicators';
import type { FseParticipant } from '../domain/fse-plus-participant';
import { countingEnd } from '../domain/statistics';
import {
  FSE_COUNTING_RULES,
  type FseIndicatorsTable,
  type FseTableLineOutput,
} from '../shared/contract/fse-indicators';

export { FSE_COUNTING_RULES };
import { formatFrenchDate } from '../shared/dates';
import { toCsv, type CsvCell } from './csv';

/** The text of a published cell: its count, or its mark when hidden. */
export const fseCellText = (c: FseTableLineOutput['cells']['total']): string =>
  c.count === null ? (c.masked ?? '') : String(c.count);

/** The lines grouped by section, in the table's order. */
export function fseSections(
  lines: readonly FseTableLineOutput[],
): { section: FseSection; lines: FseTableLineOutput[] }[] {
  const out: { section: FseSection; lines: FseTableLineOutput[] }[] = [];
  for (const line of lines) {
    const last = out[out.length - 1];
    if (last?.section === line.section) last.lines.push(line);
    else out.push({ section: line.section, lines: [line] });
  }
  return out;
}

export function fsePeriodText(table: Pick<FseIndicatorsTable, 'from' | 'to' | 'asOf'>): string {
  return `du ${formatFrenchDate(table.from)} au ${formatFrenchDate(table.to)}${table.asOf ? `, chiffres au ${formatFrenchDate(table.asOf)}` : ''}`;
}

export async function fseIndicatorsXlsx(table: FseIndicatorsTable, structureName: string): Promise<Buffer> {
  const book = new (await loadExcel()).Workbook();
  book.creator = 'Passerelle';
  const sheet = book.addWorksheet('Indicateurs FSE+');
  sheet.addRow([`${structureName} — indicateurs FSE+ — ${table.operation.name}`]).font = { bold: true };
  sheet.addRow([`Période ${fsePeriodText(table)} — financeur : ${table.operation.funderName}`]);
  sheet.addRow(['Règlement (UE) 2021/1057, annexe I : indicateurs communs, ventilés par sexe.']);
  sheet.addRow([]);
  sheet.addRow(['Code', 'Indicateur', ...FSE_COLUMNS.map((c) => FSE_COLUMN_LABELS[c])]).font = { bold: true };
  for (const { section, lines } of fseSections(table.lines)) {
    sheet.addRow(['', FSE_SECTION_LABELS[section]]).font = { bold: true, italic: true };
    for (const line of lines) {
      // Counts stay numbers a spreadsheet can add, unless secrecy hides them.
      sheet.addRow([
        line.code ?? '',
        `${line.sub ? '    ' : ''}${line.label}`,
        ...FSE_COLUMNS.map((c) => line.cells[c].count ?? fseCellText(line.cells[c])),
      ]);
    }
  }
  sheet.addRow([]);
  for (const rule of Object.values(FSE_COUNTING_RULES)) sheet.addRow(['', rule]);
  sheet.addRow(['', SECRECY_NOTE]);
  sheet.getColumn(1).width = 9;
  sheet.getColumn(2).width = 90;
  for (const c of [3, 4, 5]) sheet.getColumn(c).width = 10;
  return Buffer.from(await book.xlsx.writeBuffer());
}

/**
 * The per-participant CSV, one line per participant counted anywhere in the
 * table for the period (entered, left, or observed six months after leaving
 * in it). `;`-separated, UTF-8 with a byte-order mark, CRLF, dates
 * JJ/MM/AAAA, flags 1/0 (empty when not asked yet); written by `exports/csv.ts`
 * (formula-safe). The columns, in this order (README « FSE+ participant file »):
 *
 *  1 operation                    name of the operation (text)
 *  2 id_personne                  the person's number in Passerelle (integer)
 *  3 sexe                         F | M
 *  4 date_entree                  day of entry into the operation
 *  5 compte_realisation           1 if entered in the period (counted in the output indicators), else 0
 *  6 statut_emploi_entree         emploi | chomeur | chomeur_longue_duree | inactif | inactif_hors_formation
 *  7 age_entree                   age in whole years on the day of entry
 *  8 tranche_age                  moins_18 | 18_29 | 30_54 | 55_plus
 *  9 niveau_national              infra3 | 3 | 4 | 5 | 6 | 7 | 8 (nomenclature of 2019)
 * 10 cite                         cite_0_2 | cite_3_4 | cite_5_8 (ISCED 2011 group)
 * 11 handicap                     oui | non | refus
 * 12 ressortissant_pays_tiers     oui | non | refus
 * 13 origine_etrangere            oui | non | refus
 * 14 minorite                     oui | non | refus
 * 15 sans_abri_exclusion_logement 1 | 0
 * 16 zone_rurale                  1 | 0
 * 17 date_sortie                  day of leaving; empty if not left by the end of the period or today
 * 18 compte_sortie                1 if left in the period (counted in the immediate results), else 0
 * 19 recherche_emploi_sortie      1 | 0 (0 when in employment: EECR01 and EECR04 exclude each other)
 * 20 formation_sortie             1 | 0
 * 21 qualification_sortie         1 | 0
 * 22 emploi_sortie                1 | 0
 * 23 date_releve_6_mois           day of the six-month observation; empty if none by the end of the period or today
 * 24 compte_6_mois                1 if observed in the period (counted in the longer-term results), else 0
 * 25 emploi_6_mois                1 | 0
 * 26 situation_amelioree_6_mois   1 | 0
 */
export const FSE_CSV_COLUMNS = [
  'operation',
  'id_personne',
  'sexe',
  'date_entree',
  'compte_realisation',
  'statut_emploi_entree',
  'age_entree',
  'tranche_age',
  'niveau_national',
  'cite',
  'handicap',
  'ressortissant_pays_tiers',
  'origine_etrangere',
  'minorite',
  'sans_abri_exclusion_logement',
  'zone_rurale',
  'date_sortie',
  'compte_sortie',
  'recherche_emploi_sortie',
  'formation_sortie',
  'qualification_sortie',
  'emploi_sortie',
  'date_releve_6_mois',
  'compte_6_mois',
  'emploi_6_mois',
  'situation_amelioree_6_mois',
] as const;

const flag = (b: boolean): CsvCell => (b ? 1 : 0);
const ageBand = (age: number) => (age < 18 ? 'moins_18' : age <= 29 ? '18_29' : age >= 55 ? '55_plus' : '30_54');

/** The participants the table counts anywhere for the period, in the order of their person number. */
export function fseCsvParticipants(
  participants: readonly FseParticipant[],
  period: FsePeriod,
  today: string,
): FseParticipant[] {
  return participants
    .filter(
      (p) =>
        countsInOutputs(p, period, today) ||
        countsInImmediateResults(p, period, today) ||
        countsInLongerTermResults(p, period, today),
    )
    .sort((a, b) => a.personId - b.personId);
}

export function fseParticipantsCsv(
  operationName: string,
  participants: readonly FseParticipant[],
  period: FsePeriod,
  today: string,
): { csv: string; rows: number; personIds: number[] } {
  const { until } = countingEnd(period, today);
  const listed = fseCsvParticipants(participants, period, today);
  const rows = listed.map((p): CsvCell[] => {
    const e = p.entry;
    // Not held: an exit or an observation after the end of the period or after today has not happened yet.
    const exit = p.exit && p.exit.leftOn <= until ? p.exit : null;
    const six = exit && p.sixMonths && p.sixMonths.observedOn <= until ? p.sixMonths : null;
    return [
      operationName,
      p.personId,
      p.sex,
      formatFrenchDate(e.enteredOn),
      flag(countsInOutputs(p, period, today)),
      e.labourStatus,
      e.ageAtEntry,
      ageBand(e.ageAtEntry),
      e.educationLevel,
      `cite_${iscedGroupOf(e.educationLevel).replace('-', '_')}`,
      e.disability,
      e.thirdCountryNational,
      e.foreignBackground,
      e.minority,
      flag(e.homelessOrHousingExclusion),
      flag(e.ruralArea),
      exit ? formatFrenchDate(exit.leftOn) : null,
      flag(countsInImmediateResults(p, period, today)),
      exit ? flag(exit.seekingWork && !exit.inEmployment) : null,
      exit ? flag(exit.inEducationOrTraining) : null,
      exit ? flag(exit.gainedQualification) : null,
      exit ? flag(exit.inEmployment) : null,
      six ? formatFrenchDate(six.observedOn) : null,
      flag(countsInLongerTermResults(p, period, today)),
      six ? flag(six.inEmployment) : null,
      six ? flag(six.improvedSituation) : null,
    ];
  });
  return { csv: toCsv([[...FSE_CSV_COLUMNS], ...rows]), rows: rows.length, personIds: listed.map((p) => p.personId) };
}
