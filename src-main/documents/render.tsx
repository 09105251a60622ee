import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { ParticipationDocumentKind } from '../shared/contract/documents';
import type { ParticipationDocumentData, WorksiteDocumentData } from './data';
import { Attestation } from './templates/attestation';
import { AttestationCompetences } from './templates/attestation-competences';
import { BilanChantier } from './templates/bilan-chantier';
import { BilanIndividuel } from './templates/bilan-individuel';
import { AttendanceSheet } from './templates/attendance-sheet';
import { Certificate } from './templates/certificate';
import { PersonalAgenda } from './templates/personal-agenda';
import { WorksitePlanning } from './templates/worksite-planning';
import { fontFaces } from './fonts';
import { PRINT_CSS } from './print-css';
import { Convocation } from './templates/convocation';
import { EmploymentContract } from './templates/employment-contract';
import { MiseADisposition } from './templates/mise-a-disposition';
import { infoFromMarkup, infoTags, typesetMarkup, type DocumentInfo } from './text-layer';
import { DOCUMENT_KIND_LABELS } from '../shared/contract/documents';
import { formatFrenchDate } from '../shared/dates';
import { INITIALLED_KINDS, runningHeaderCss } from './running-header';
import { referenceOf } from './templates/parts';

const PARTICIPATION_TEMPLATES: Record<ParticipationDocumentKind, (props: { d: ParticipationDocumentData }) => ReactElement> = {
  contrat_travail: EmploymentContract,
  mise_a_disposition: MiseADisposition,
  convocation: Convocation,
  attestation_presence: Attestation,
  certificat_travail: Certificate,
  planning_personne: PersonalAgenda,
  bilan_individuel: BilanIndividuel,
  attestation_competences: AttestationCompetences,
};

/** The attendance sheet is landscape: a column per half-day of the week. */
const LANDSCAPE = '@page { size: A4 landscape; margin: 12mm 12mm 16mm 12mm; }';

/**
 * A page of static HTML (React escapes every value) with the fonts and print
 * CSS inlined, its text set in French typography, and the title and author
 * the PDF will carry (by default its first heading and its letterhead's issuer).
 */
export function renderPage(element: ReactElement, fontsDir: string, extraCss = '', info?: DocumentInfo): string {
  const body = typesetMarkup(renderToStaticMarkup(element));
  const head = infoTags(info ?? infoFromMarkup(body));
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8">${head}<style>${fontFaces(fontsDir)}${PRINT_CSS}${extraCss}</style></head><body>${body}</body></html>`;
}

/** "Contrat de travail — Élodie Lefèvre — CT-2026-0013"; a preview says so instead of a number. */
export function documentTitle(label: string, subject: string, d: { number: string; version: number }): string {
  return `${label} — ${subject} — ${d.version === 0 ? 'aperçu' : d.number}`;
}

/** A draft states facts that have not happened yet: "PROJET — non valable" across every page (a fixed element repeats on each printed page). */
function Drafted({ draft, children }: { draft: boolean | undefined; children: ReactElement }) {
  return (
    <>
      {draft && (
        <div className="watermark" aria-hidden="true">
          PROJET — non valable
        </div>
      )}
      {children}
    </>
  );
}

/** The named bilan stays inside the CCAS: said at the top of every page (the first here, the others in their running header). */
const INTERNAL_NOTICE = 'Document interne — contient des données personnelles';
const INTERNAL = `@page :first { @top-center { content: "${INTERNAL_NOTICE}"; font-size: 9pt; font-weight: 700; } }`;

/** A participation's document from its typed data. */
export function renderDocument(data: ParticipationDocumentData, fontsDir: string): string {
  const Template = PARTICIPATION_TEMPLATES[data.kind];
  const info = { title: documentTitle(DOCUMENT_KIND_LABELS[data.kind], `${data.person.firstNames} ${data.person.lastName}`, data), author: data.structure.name };
  const header = `${referenceOf(data)} — ${DOCUMENT_KIND_LABELS[data.kind]} — ${data.person.firstNames} ${data.person.lastName.toLocaleUpperCase('fr-FR')}`;
  return renderPage(
    <Drafted draft={data.draft}>
      <Template d={data} />
    </Drafted>,
    fontsDir,
    runningHeaderCss(header, { initials: INITIALLED_KINDS.includes(data.kind) }),
    info,
  );
}

/** A worksite's document: the week's attendance sheet (landscape), its planning or its bilan. */
export function renderWorksiteDocument(data: WorksiteDocumentData, fontsDir: string): string {
  const subject = data.weekOf ? `${data.worksite.name} — semaine du ${formatFrenchDate(data.weekOf)}` : data.worksite.name;
  const info = { title: documentTitle(DOCUMENT_KIND_LABELS[data.kind], subject, data), author: data.structure.name };
  const header = runningHeaderCss(`${data.named ? `${INTERNAL_NOTICE} — ` : ''}${referenceOf(data)} — ${DOCUMENT_KIND_LABELS[data.kind]} — ${subject}`);
  if (data.kind === 'feuille_emargement') return renderPage(<AttendanceSheet d={data} />, fontsDir, LANDSCAPE + header, info);
  if (data.kind === 'bilan_chantier') {
    return renderPage(
      <Drafted draft={data.draft}>
        <BilanChantier d={data} />
      </Drafted>,
      fontsDir,
      header + (data.named ? INTERNAL : ''),
      info,
    );
  }
  return renderPage(<WorksitePlanning d={data} />, fontsDir, header, info);
}
