import type { WorksiteDocumentData } from '../data';
import { AgendaTable } from './agenda';
import { Letterhead, referenceOf } from './parts';

/** The worksite's planning for its participants and supervisor: every week, every half-day, the individual appointments. */
export function WorksitePlanning({ d }: { d: WorksiteDocumentData }) {
  return (
    <>
      <Letterhead issuer={d.structure} logo={d.structure.logo} reference={referenceOf(d)} />
      <h1>Planning du chantier « {d.worksite.name} »</h1>
      <p className="subtitle">
        {d.worksite.workAddress}
        {d.worksite.supervisorName ? ` — encadrant : ${d.worksite.supervisorName}` : ''}
      </p>
      <AgendaTable weeks={d.planning ?? []} />
    </>
  );
}
