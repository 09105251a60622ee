/**
 * The payroll hand-off control sheet: a CSV (one line per person and month,
 * with the period and each pay line's hours and amount) and an .xlsx for
 * people (a summary sheet, the pay lines, a daily sheet), numbers stored as
 * numbers with their formats. Text cells go through the CSV writer's
 * neutralisation in both (a name typed `=…` never becomes a formula).
 */
import { loadExcel } from '../imports/table';
import { MARK_LABELS } from '../shared/contract/attendance-codes';
import { formatFrenchDate, frenchMonth } from '../shared/dates';
import { ABSENCE_MARKS, decimalHours, rateOfDay, smicNotes, type PayrollLine } from '../domain/payroll';
import type { PayItem } from '../shared/contract/pay-items';
import { payLineLabel } from '../domain/pay-lines';
import { neutraliseFormula, toCsv } from './csv';

export interface HandoffMeta {
  month: string;
  employerName: string;
  structureName: string;
  /** The period's first and last days. */
  first: string;
  last: string;
}

/** The pay lines in the summary's columns: hours and amount of each family (absences summed by paid / unpaid; by code in the pay-lines sheet). */
// A correction of a transmitted month (whatever its rubrique) is counted under « Régularisation », not with the month's own hours.
const PAY_LINE_FAMILIES: { label: string; has: (item: PayItem) => boolean }[] = [
  { label: 'Heures normales', has: (i) => i === 'heures_normales' },
  { label: 'Heures complémentaires +10 %', has: (i) => i === 'hc_10' },
  { label: 'Heures complémentaires +25 %', has: (i) => i === 'hc_25' },
  { label: 'Jours fériés payés', has: (i) => i === 'ferie_paye' },
  { label: 'Demi-journées annulées payées', has: (i) => i === 'annulation_payee' },
  { label: 'Temps annexes', has: (i) => i === 'temps_annexe' },
  { label: 'Absences payées', has: (i) => i.startsWith('absence_payee_') },
  { label: 'Absences non payées', has: (i) => i.startsWith('absence_non_payee_') },
  { label: 'Régularisation', has: (i) => i === 'regularisation' },
];
const PAY_LINE_HEADERS = PAY_LINE_FAMILIES.flatMap((f) => [`${f.label} (heures)`, `${f.label} (montant)`]);

const SUMMARY_HEADERS = [
  'Mois',
  'Début de période',
  'Fin de période',
  'Nom',
  'Prénoms',
  'NIR',
  'Date de naissance',
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
  ...PAY_LINE_HEADERS,
  'Remboursement transport (50 %)',
  'Événements',
];
/** Where the hour columns start (the figures after identity). */
const FIRST_FIGURE = SUMMARY_HEADERS.indexOf('Heures prévues');

function payLineValues(line: PayrollLine): number[] {
  return PAY_LINE_FAMILIES.flatMap((f) => {
    const mine = line.payLines.filter((l) => (l.regularisation ? f.label === 'Régularisation' : f.has(l.item)));
    return [mine.reduce((t, l) => t + l.centiHours, 0) / 100, mine.reduce((t, l) => t + l.amountCents, 0) / 100];
  });
}

function summaryValues(line: PayrollLine, meta: HandoffMeta): (string | number | Date | null)[] {
  const p = line.person;
  // The latest SMIC applied in the month (two revaluations in one month are shown in the events).
  const raised = line.rates.filter((s) => s.raisedBy).at(-1);
  return [
    frenchMonth(meta.month),
    formatFrenchDate(meta.first),
    formatFrenchDate(meta.last),
    p.lastName,
    p.firstNames,
    p.nir,
    formatFrenchDate(p.birthDate),
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
    ...payLineValues(line),
    null,
    [
      ...p.events,
      ...smicNotes(line),
      ...p.regularisations.map((r) => `Régularisation du ${formatFrenchDate(r.date)} : ${r.reason}`),
    ].join(' ; '),
  ];
}

export function payrollCsv(lines: readonly PayrollLine[], meta: HandoffMeta): string {
  return toCsv(
    [
      SUMMARY_HEADERS,
      // Payroll software reads plain spaces, not the narrow no-break spaces of French money.
      ...lines.map((line) =>
        summaryValues(line, meta).map((v) =>
          typeof v === 'string' ? v.replace(/[\u202f\u00a0]/g, ' ') : v instanceof Date ? null : v,
        ),
      ),
    ],
    { decimals: 2 },
  );
}

const HOURS = '0.00';
const MONEY_HEADERS = new Set([
  'Taux horaire brut',
  'Taux horaire en vigueur (SMIC)',
  'Brut estimé',
  ...PAY_LINE_FAMILIES.map((f) => `${f.label} (montant)`),
]);
const EUROS = '#,##0.00 "€"';
const RATE = '#,##0.00## "€"';

/** Text cells as the CSV writer writes them (formula-looking starts neutralised); numbers and dates untouched. */
const safe = <T>(values: readonly T[]) => values.map((v) => (typeof v === 'string' ? neutraliseFormula(v) : v));

/** Dates of the period as real dates in the .xlsx (the summary's date columns). */
const DATE_HEADERS = new Set(['Début de période', 'Fin de période', 'Date de naissance', 'En vigueur à partir du']);
const asDate = (french: string) =>
  new Date(`${french.slice(6, 10)}-${french.slice(3, 5)}-${french.slice(0, 2)}T00:00:00Z`);

export async function payrollXlsx(lines: readonly PayrollLine[], meta: HandoffMeta): Promise<Buffer> {
  const book = new (await loadExcel()).Workbook();
  book.creator = meta.structureName;
  const summary = book.addWorksheet('Synthèse', { views: [{ state: 'frozen', ySplit: 1 }] });
  summary.addRow(SUMMARY_HEADERS).font = { bold: true };
  for (const line of lines) {
    const values = summaryValues(line, meta).map((v, i) =>
      DATE_HEADERS.has(SUMMARY_HEADERS[i]!) && typeof v === 'string' ? asDate(v) : v,
    );
    summary.addRow(safe(values));
  }
  SUMMARY_HEADERS.forEach((header, index) => {
    const column = summary.getColumn(index + 1);
    column.width = Math.max(12, Math.min(40, header.length + 2));
    if (MONEY_HEADERS.has(header)) column.numFmt = EUROS;
    else if (DATE_HEADERS.has(header)) column.numFmt = 'dd/mm/yyyy';
    else if (index >= FIRST_FIGURE && header.endsWith('(heures)')) column.numFmt = HOURS;
    else if (index >= FIRST_FIGURE && index < SUMMARY_HEADERS.indexOf('Taux horaire brut')) column.numFmt = HOURS;
  });

  // One row per person and pay line, as in the variables de paie file: amount = quantity × rate.
  const payLinesSheet = book.addWorksheet('Lignes de paie', { views: [{ state: 'frozen', ySplit: 1 }] });
  const payLineHeaders = [
    'Nom',
    'Prénoms',
    'Matricule employeur',
    'Référence du contrat',
    'Ligne de paie',
    'Du',
    'Au',
    'Quantité (heures)',
    'Taux',
    'Montant',
  ];
  payLinesSheet.addRow(payLineHeaders).font = { bold: true };
  for (const line of lines) {
    for (const l of line.payLines) {
      const p = line.person;
      payLinesSheet.addRow(
        safe([
          p.lastName,
          p.firstNames,
          p.matricule,
          p.contractRef,
          payLineLabel(l),
          new Date(`${l.from}T00:00:00Z`),
          new Date(`${l.to}T00:00:00Z`),
          l.centiHours / 100,
          l.rateCentiCents / 10000,
          l.amountCents / 100,
        ]),
      );
    }
  }
  const widths = [18, 18, 14, 18, 60, 12, 12, 12, 12, 12];
  const formats = [null, null, null, null, null, 'dd/mm/yyyy', 'dd/mm/yyyy', HOURS, RATE, EUROS];
  payLineHeaders.forEach((_header, index) => {
    const column = payLinesSheet.getColumn(index + 1);
    column.width = widths[index]!;
    if (formats[index]) column.numFmt = formats[index];
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
      const row = detail.addRow(
        safe([
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
        ]),
      );
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
