import { weekOf } from '../../domain/hours';
import { de } from '../../shared/french';
import type { AgendaLine, ParticipationDocumentData } from '../data';
import { AgendaTable } from './agenda';
import { personName } from './employment-contract';
import { Letterhead, referenceOf } from './parts';

/** A participant's own agenda on a worksite: their half-days and annex times, with the place. */
export function PersonalAgenda({ d }: { d: ParticipationDocumentData }) {
  const weeks = new Map<string, AgendaLine[]>();
  for (const line of d.agenda ?? []) weeks.set(weekOf(line.date), [...(weeks.get(weekOf(line.date)) ?? []), line]);
  return (
    <>
      <Letterhead issuer={d.structure} logo={d.structure.logo} reference={referenceOf(d)} />
      <h1>Agenda {de(personName(d.person))}</h1>
      <p className="subtitle">
        Chantier « {d.worksite.name} » — {d.worksite.workAddress}
        {d.worksite.supervisorName ? ` — encadrant : ${d.worksite.supervisorName}` : ''}
      </p>
      <AgendaTable weeks={[...weeks.entries()].map(([monday, lines]) => ({ weekOf: monday, lines }))} />
    </>
  );
}
