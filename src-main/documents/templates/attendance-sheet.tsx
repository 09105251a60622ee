import { MARK_KEYS, MARK_LABELS, MARKS } from '../../shared/contract/attendance-codes';
import { HALF_DAY_LABELS, WEEKDAY_LABELS } from '../../shared/contract/worksites';
import { longFrenchDate, weekdayOf } from '../../shared/dates';
import { formatDuration } from '../../shared/time';
import type { SheetTotals } from '../../domain/attendance-sheet';
import type { WorksiteDocumentData } from '../data';
import { formatSiret, referenceOf } from './parts';
import { spokenTime } from './spread';

type Sheet = NonNullable<WorksiteDocumentData['sheet']>;
type Column = Sheet['columns'][number];

/** Four half-days side by side fill a landscape page (four columns each: arrival, departure, signature, absence). */
const HALF_DAYS_PER_BAND = 4;
/** Millimetres across a landscape A4 inside its margins, and the name column: a shorter last band keeps the same column widths. */
const PRINTABLE_WIDTH = 273;
const NAME_WIDTH = 38;

/** The absences, by the letter the grid uses: written in the "motif" column. */
const ABSENCE_CODES = MARKS.filter((m) => m !== 'present' && m !== 'retard');

function bands<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += HALF_DAYS_PER_BAND) out.push(items.slice(i, i + HALF_DAYS_PER_BAND));
  return out;
}

/** Why a half-day is not to be signed, written across its four columns. */
function closedLabel(c: Column, open: boolean): string {
  if (c.state === 'holiday') return `Jour férié (${c.label})`;
  if (c.state === 'closed') return `Fermeture (${c.label})`;
  if (c.state === 'cancelled') return `Demi-journée annulée${c.label ? ` (${c.label})` : ''}`;
  return open ? '' : 'Hors contrat';
}

function HalfDayHeading({ c }: { c: Column }) {
  const date = longFrenchDate(c.date).replace(/\s\d{4}$/u, '');
  return (
    <th colSpan={4} className="halfday">
      {WEEKDAY_LABELS[weekdayOf(c.date)]} {date} — {HALF_DAY_LABELS[c.halfDay].toLowerCase()}
      <div className="small">
        prévu de <span className="num">{spokenTime(c.start)}</span> à <span className="num">{spokenTime(c.end)}</span>
      </div>
    </th>
  );
}

function Band({ sheet, indexes }: { sheet: Sheet; indexes: number[] }) {
  const columns = indexes.map((i) => sheet.columns[i]!);
  const width = NAME_WIDTH + ((PRINTABLE_WIDTH - NAME_WIDTH) / HALF_DAYS_PER_BAND) * columns.length;
  return (
    <table className="sheet band" style={{ width: `${width}mm` }}>
      <thead>
        <tr>
          <th rowSpan={2} className="who">
            Participant
          </th>
          {columns.map((c) => (
            <HalfDayHeading key={`${c.date}-${c.halfDay}`} c={c} />
          ))}
        </tr>
        <tr>
          {columns.map((c) => [
            <th key={`${c.date}-${c.halfDay}-a`} className="time">
              Arrivée
            </th>,
            <th key={`${c.date}-${c.halfDay}-d`} className="time">
              Départ
            </th>,
            <th key={`${c.date}-${c.halfDay}-s`} className="signature">
              Signature
            </th>,
            <th key={`${c.date}-${c.halfDay}-m`} className="reason">
              Motif d’absence
            </th>,
          ])}
        </tr>
      </thead>
      <tbody>
        {sheet.rows.map((row) => (
          <tr key={row.name} className="person">
            <td className="who">{row.name}</td>
            {indexes.map((i) => {
              const c = sheet.columns[i]!;
              const key = `${c.date}-${c.halfDay}`;
              if (c.state !== 'session' || !row.open[i]) {
                return (
                  <td key={key} colSpan={4} className="closed">
                    {closedLabel(c, row.open[i]!)}
                  </td>
                );
              }
              return [
                <td key={`${key}-a`} />,
                <td key={`${key}-d`} />,
                <td key={`${key}-s`} />,
                <td key={`${key}-m`} />,
              ];
            })}
          </tr>
        ))}
        <tr className="visa">
          <td className="who">
            <strong>Visa de l’encadrant</strong>
            <div className="small">nom et signature, à chaque demi-journée</div>
          </td>
          {columns.map((c) => (
            <td key={`${c.date}-${c.halfDay}`} colSpan={4} className={c.state === 'session' ? undefined : 'closed'}>
              {c.state === 'session' ? <span className="small">Nom :</span> : closedLabel(c, true)}
            </td>
          ))}
        </tr>
      </tbody>
    </table>
  );
}

/** A figure, or a box left blank to be filled by hand while the week is not fully recorded. */
const realised = (t: SheetTotals, pick: (r: NonNullable<SheetTotals['realised']>) => string) =>
  t.realised ? pick(t.realised) : '';

function Totals({ sheet }: { sheet: Sheet }) {
  const line = (label: string, t: SheetTotals, strong = false) => (
    <tr key={label} className={strong ? 'total' : undefined}>
      <td>{strong ? <strong>{label}</strong> : label}</td>
      <td className="figure">{t.plannedHalfDays}</td>
      <td className="figure">{formatDuration(t.plannedMinutes)}</td>
      <td className="figure">{realised(t, (r) => String(r.presentHalfDays))}</td>
      <td className="figure">{realised(t, (r) => formatDuration(r.workedMinutes))}</td>
      <td className="figure">{realised(t, (r) => String(r.absentHalfDays))}</td>
    </tr>
  );
  return (
    <section className="totals">
      <h2>Totaux de la semaine</h2>
      <table className="sheet">
        <thead>
          <tr>
            <th className="who">Participant</th>
            <th>Demi-journées prévues</th>
            <th>Heures prévues</th>
            <th>Demi-journées de présence</th>
            <th>Heures réalisées</th>
            <th>Demi-journées d’absence</th>
          </tr>
        </thead>
        <tbody>
          {sheet.rows.map((row) => line(row.name, row.totals))}
          {line('Total de la semaine', sheet.totals, true)}
        </tbody>
      </table>
    </section>
  );
}

/**
 * The week's feuille d'émargement, landscape and ready for an FSE+ or
 * Département audit: for each half-day the arrival and departure times, the
 * person's signature and the reason of an absence (by its code), the
 * supervisor's visa under each half-day, the totals per person and for the
 * week; the CCAS's logo, the funders' emblems, the operation reference and
 * their mentions de financement. Holidays, closures, cancelled half-days and
 * days outside a contract are greyed and named. Printable blank before the week.
 */
export function AttendanceSheet({ d }: { d: WorksiteDocumentData }) {
  const sheet = d.sheet!;
  const funders = d.funding?.funders ?? [];
  const reference = d.funding?.operationReference ?? '';
  return (
    <>
      <header className="letterhead sheet-head">
        <div className="issuer">
          {d.structure.logo && <img className="logo" src={d.structure.logo} alt="" />}
          <div>
            <strong>{d.structure.name}</strong> — SIRET {formatSiret(d.structure.siret)}
          </div>
          <div className="small">
            {d.structure.address}, {d.structure.postcode} {d.structure.town}
          </div>
        </div>
        {funders.length > 0 && (
          <div className="funders" aria-label="Financeurs">
            {funders.map((f) =>
              f.logo ? (
                <img key={f.name} className="emblem" src={f.logo} alt={f.name} />
              ) : (
                <span key={f.name} className="funder-name">
                  {f.name}
                </span>
              ),
            )}
          </div>
        )}
        <div className="small">Réf. {referenceOf(d)}</div>
      </header>
      <h1>
        Feuille d’émargement — {d.worksite.name} — semaine du {longFrenchDate(d.weekOf!)}
      </h1>
      <p className="subtitle">
        {d.worksite.workAddress}
        {d.worksite.supervisorName ? ` — encadrant technique : ${d.worksite.supervisorName}` : ''}
        {funders.length > 0 ? ` — financeurs : ${funders.map((f) => f.name).join(', ')}` : ''}
      </p>
      {reference && (
        <p className="subtitle operation">
          Référence de l’opération : <span className="num">{reference}</span>
        </p>
      )}
      {bands(sheet.columns.map((_, i) => i)).map((indexes) => (
        <Band key={indexes[0]} sheet={sheet} indexes={indexes} />
      ))}
      <div className="sheet-foot">
        <Totals sheet={sheet} />
        <div>
          <p className="small legend">
            Chaque personne inscrit ses heures d’arrivée et de départ et signe à chaque demi-journée où elle est
            présente ; une absence est notée par son code :{' '}
            {ABSENCE_CODES.map((m) => `${MARK_KEYS[m]} ${MARK_LABELS[m].toLowerCase()}`).join(' · ')}. Les cases grisées
            ne sont pas à signer. L’encadrant vise chaque demi-journée.
            {sheet.totals.realised === null &&
              ' Tant que la semaine n’est pas saisie dans Passerelle, les totaux réalisés se remplissent d’après les signatures.'}
          </p>
          {funders
            .filter((f) => f.mention)
            .map((f) => (
              <p key={f.name} className="small mention">
                {f.mention}
              </p>
            ))}
        </div>
      </div>
    </>
  );
}
