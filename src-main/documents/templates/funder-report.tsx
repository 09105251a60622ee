import type { StructureParty } from '../data';
import { SECRECY_NOTE } from '../../domain/secrecy';
import type { StatsFigures } from '../../shared/contract/stats';
import { longFrenchDate } from '../../shared/dates';
import { keyFigureText, type ShownTable } from '../../exports/stats';
import { Letterhead } from './parts';

export interface FunderReportData {
  structure: StructureParty;
  title: string;
  period: string;
  filters: string;
  figures: StatsFigures['figures'];
  tables: ShownTable[];
  commentary: string;
  issuedOn: string;
}

/** A table with a bar per shown cell: a hidden cell draws nothing. */
function TableWithBars({ t }: { t: ShownTable }) {
  const single = t.columns.length === 1;
  const max = Math.max(1, ...t.rows.slice(0, -1).flatMap((r) => r.cells.map((c) => c.value ?? 0)));
  return (
    <section className="report-table">
      <h2>{t.title}</h2>
      <p className="small">{t.info}</p>
      <table>
        <thead>
          <tr>
            <th />
            {t.columns.map((c) => (
              <th key={c} className="num">
                {c}
              </th>
            ))}
            {single && <th />}
          </tr>
        </thead>
        <tbody>
          {t.rows.map((r, i) => {
            const isTotal = i === t.rows.length - 1;
            return (
              <tr key={r.label}>
                {isTotal ? <th>{r.label}</th> : <td>{r.label}</td>}
                {r.cells.map((c, j) =>
                  isTotal ? (
                    <th key={j} className="num">
                      {c.text}
                    </th>
                  ) : (
                    <td key={j} className="num">
                      {c.text}
                    </td>
                  ),
                )}
                {single && (
                  <td style={{ width: '45%' }}>
                    {!isTotal && r.cells[0]!.value !== null && r.cells[0]!.value! > 0 && (
                      <div className="bar" style={{ width: `${(r.cells[0]!.value! / max) * 100}%` }} />
                    )}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

/** The funder report: a cover, the key figures, every table with statistical secrecy, and the structure's commentary. */
export function FunderReport({ d }: { d: FunderReportData }) {
  return (
    <>
      <Letterhead
        issuer={d.structure}
        logo={d.structure.logo}
        reference={`statistiques éditées le ${longFrenchDate(d.issuedOn)}`}
      />
      <section className="cover">
        <h1>{d.title}</h1>
        <p className="subtitle">
          {d.structure.name} — {d.period}
        </p>
        <p className="subtitle small">{d.filters}</p>
      </section>
      <h2>Chiffres clés</h2>
      <table>
        <tbody>
          {d.figures.map((f) => (
            <tr key={f.key}>
              <td style={{ width: '34%' }}>{f.label}</td>
              <th className="num" style={{ width: '12%' }}>
                {keyFigureText(f)}
              </th>
              <td className="small">{f.info}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {d.commentary.trim() !== '' && (
        <>
          <h2>Commentaire</h2>
          {d.commentary.split(/\n+/).map((line, i) => (
            <p key={i}>{line}</p>
          ))}
        </>
      )}
      {d.tables.map((t) => (
        <TableWithBars key={t.title} t={t} />
      ))}
      <p className="small">{SECRECY_NOTE}</p>
    </>
  );
}

export const REPORT_CSS = `
.cover { margin: 20mm 0 10mm; }
.report-table { break-inside: avoid; }
.bar { height: 3.5mm; background: #2f9e77; }
`;
