import type { PersonExport } from '../../app/person-export';
import type { StructureParty } from '../data';
import { Letterhead } from './parts';

/** Everything held about a person, section by section, as the JSON export says it. */
export function PersonData({ d, structure, issuedOn }: { d: PersonExport; structure: StructureParty; issuedOn: string }) {
  return (
    <>
      <Letterhead issuer={structure} logo={structure.logo} reference={`droit d'accès — ${issuedOn}`} />
      <h1>Vos données</h1>
      <p className="subtitle">{d.title}</p>
      {d.sections.map((s) => (
        <section key={s.title}>
          <h2>{s.title}</h2>
          {s.rows.length === 0 ? (
            <p className="small">Rien d'enregistré.</p>
          ) : (
            s.rows.map((row, i) => (
              <table key={i}>
                <tbody>
                  {Object.entries(row).map(([k, v]) => (
                    <tr key={k}>
                      <th style={{ width: '35%' }}>{k}</th>
                      <td>{v === null || v === '' ? '—' : String(v)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ))
          )}
        </section>
      ))}
    </>
  );
}
