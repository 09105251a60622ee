/**
 * The ASP monthly state as CSV (exports/csv.ts: `;`, CRLF, UTF-8 with BOM,
 * formula-safe text): one line per CDDI contract in the fields of the
 * Extranet IAE 2.0 (domain/asp-monthly-state.ts), dates as the ASP writes
 * them (JJ/MM/AAAA), yes/no as O/N.
 */
import { aspDate } from '../domain/asp-monthly-state';
import { ASP_DIFFICULTY_LABELS, ASP_EXIT_CATEGORY_LABELS, type AspMonthView } from '../shared/contract/asp';
import { fixed, toCsv, type CsvCell } from './csv';

export const ASP_CSV_HEADER = [
  'Mois',
  'Année',
  'Nom',
  'Prénom',
  'PASS IAE',
  'Date d’embauche',
  'Heures travaillées',
  'Heures payées (décimales)',
  'Salarié toujours accompagné',
  'Date de fin réelle',
  'Catégorie de sortie',
  'Freins (catégories ASP)',
] as const;

export function aspMonthlyStateCsv(view: Pick<AspMonthView, 'month' | 'rows'>): string {
  const [year, month] = view.month.split('-') as [string, string];
  const rows: CsvCell[][] = [
    [...ASP_CSV_HEADER],
    ...view.rows.map((r) => [
      month,
      year,
      r.lastName,
      r.firstNames,
      r.passIae,
      aspDate(r.startDate),
      r.hours,
      fixed(r.centiHours / 100, 2),
      r.stillAccompanied ? 'O' : 'N',
      r.actualEndDate ? aspDate(r.actualEndDate) : '',
      r.exitCategory ? ASP_EXIT_CATEGORY_LABELS[r.exitCategory] : '',
      r.difficulties.map((k) => ASP_DIFFICULTY_LABELS[k]).join(', '),
    ]),
  ];
  return toCsv(rows);
}
