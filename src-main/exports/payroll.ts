/**
 * The payroll hand-off files: a CSV for payroll software (one line per person
 * and month) and an .xlsx for people (a summary sheet and a daily sheet),
 * numbers stored as numbers with their formats.
 */
import { loadExcel } from '../imports/table';
import { MARK_LABELS } from '../shared/contract/attendance-codes';
import { formatFrenchDate } from '../shared/dates';
import { ABSENCE_MARKS, decimalHours, rateOfDay, smicNotes, type PayrollLine } from '../domain/payroll';
import { toCsv } from './csv';

export interface HandoffMeta {
  month: string;
  employerName: string;
  structureName: string;
}

const SUMMARY_HEADERS = [
  'Mois',
  'Nom',
  'Prénoms',
  'NIR',
  'Matricule employeur',
  'Référence du contrat',
  'Chantier',
  'Heures prévues',
  'Heures travaillées',
  'Temps annexes payés',
  ...ABSENCE_MARKS.map((m) => `Absence : ${MARK_LABELS[m].toLowerCase()}`),
  'Heures complémentaires',
  'Heures complémentaires à +10 %',
  'Heures complémentaires à +25 %',
  'Heures payées',
  'Régularisations (heures payées)',
  'Taux horaire brut',
  'Taux horaire en vigueur (SMIC)',
  'En vigueur à partir du',
  'Brut estimé',
  'Remboursement transport (50 %)',
  'Événements',
];

function summaryValues(line: PayrollLine, month: string): (string | number | null)[] {
  const p = line.person;
  // The latest SMIC applied in the month (two revaluations in one month are shown in the events).
  const raised = line.rates.filter((s) => s.raisedBy).at(-1);
  return [
    month,
    p.lastName,
    p.firstNames,
    p.nir,
    p.matricule,
    p.contractRef,
    p.worksiteName,
    decimalHours(line.planned),
    decimalHours(line.worked),
    decimalHours(line.annexPaid),
    ...ABSENCE_MARKS.map((m) => decimalHours(line.absences[m])),
    decimalHours(line.complementary),
    decimalHours(line.complementaryWithinTenth),
    decimalHours(line.complementaryBeyondTenth),
    decimalHours(line.paid),
    decimalHours(line.regularisationPaid),
    p.hourlyCents / 100,
    raised ? raised.hourlyCents / 100 : null,
    raised ? formatFrenchDate(raised.raisedBy!.effectiveFrom) : null,
    line.grossCents / 100,
    null,
    [...p.events, ...smicNotes(line), ...p.regularisations.map((r) => `Régularisation du ${formatFrenchDate(r.date)} : ${r.reason}`)].join(' ; '),
  ];
}

export function payrollCsv(lines: readonly PayrollLine[], meta: HandoffMeta): string {
  return toCsv([
    SUMMARY_HEADERS,
    // Payroll software reads plain spaces, not the narrow no-break spaces of French money.
    ...lines.map((line) => summaryValues(line, meta.month).map((v) => (typeof v === 'string' ? v.replace(/[\u202f\u00a0]/g, ' ') : v))),
  ], { decimals: 2 });
}

const HOURS = '0.00';
const MONEY_HEADERS = new Set(['Taux horaire brut', 'Taux horaire en vigueur (SMIC)', 'Brut estimé']);
const EUROS = '#,##0.00 "€"';

export async function payrollXlsx(lines: readonly PayrollLine[], meta: HandoffMeta): Promise<Buffer> {
  const book = new (await loadExcel()).Workbook();
  book.creator = meta.structureName;
  const summary = book.addWorksheet('Synthèse', { views: [{ state: 'frozen', ySplit: 1 }] });
  summary.addRow(SUMMARY_HEADERS).font = { bold: true };
  for (const line of lines) summary.addRow(summaryValues(line, meta.month));
  SUMMARY_HEADERS.forEach((header, index) => {
    const column = summary.getColumn(index + 1);
    column.width = Math.max(12, Math.min(40, header.length + 2));
    if (MONEY_HEADERS.has(header)) column.numFmt = EUROS;
    else if (index >= 7 && index < SUMMARY_HEADERS.indexOf('Taux horaire brut')) column.numFmt = HOURS;
  });

  const detail = book.addWorksheet('Détail par jour', { views: [{ state: 'frozen', ySplit: 1 }] });
  const detailHeaders = [
    'Date',
    'Nom',
    'Prénoms',
    'Chantier',
    'Heures prévues',
    'Heures travaillées',
    'Temps annexes payés',
    ...ABSENCE_MARKS.map((m) => `Absence : ${MARK_LABELS[m].toLowerCase()}`),
    'Justificatif reçu',
    'Au-delà du prévu',
    'Heures payées',
    'Taux horaire en vigueur',
    'Jour férié',
  ];
  detail.addRow(detailHeaders).font = { bold: true };
  for (const line of lines) {
    for (const d of line.days) {
      const row = detail.addRow([
        new Date(`${d.date}T00:00:00Z`),
        line.person.lastName,
        line.person.firstNames,
        line.person.worksiteName,
        decimalHours(d.planned),
        decimalHours(d.worked),
        decimalHours(d.annexPaid),
        ...ABSENCE_MARKS.map((m) => decimalHours(d.absences[m] ?? 0)),
        ABSENCE_MARKS.some((m) => d.absences[m]) ? (d.proofReceived ? 'oui' : 'non') : '',
        decimalHours(d.beyondPlanned),
        decimalHours(d.paid),
        rateOfDay(line, d.date) / 100,
        d.holiday ?? '',
      ]);
      row.getCell(1).numFmt = 'dd/mm/yyyy';
    }
  }
  detailHeaders.forEach((header, index) => {
    const column = detail.getColumn(index + 1);
    column.width = Math.max(12, Math.min(32, header.length + 2));
    if (header === 'Taux horaire en vigueur') column.numFmt = EUROS;
    else if (index >= 4 && header !== 'Justificatif reçu' && header !== 'Jour férié') column.numFmt = HOURS;
  });
  detail.getColumn(1).numFmt = 'dd/mm/yyyy';
  return Buffer.from(await book.xlsx.writeBuffer());
}
