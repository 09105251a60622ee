import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { ParticipationDocumentData, PersonDocumentData, WorksiteDocumentData } from './data';
import { fontFaces } from './fonts';
import { DOCUMENT_REGISTRY } from './kinds';
import { PRINT_CSS } from './print-css';
import { infoFromMarkup, infoTags, typesetMarkup, type DocumentInfo } from './text-layer';
import { formatFrenchDate } from '../shared/dates';
import { runningHeaderCss } from './running-header';
import { referenceOf } from './templates/parts';

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

/** A participation's document from its typed data, with its kind's template. */
export function renderDocument(data: ParticipationDocumentData, fontsDir: string): string {
  const { template: Template, label, initialled } = DOCUMENT_REGISTRY[data.kind];
  const info = {
    title: documentTitle(label, `${data.person.firstNames} ${data.person.lastName}`, data),
    author: data.structure.name,
  };
  const header = `${referenceOf(data)} — ${label} — ${data.person.firstNames} ${data.person.lastName.toLocaleUpperCase('fr-FR')}`;
  return renderPage(
    <Drafted draft={data.draft}>
      <Template d={data} />
    </Drafted>,
    fontsDir,
    runningHeaderCss(header, { initials: initialled === true }),
    info,
  );
}

/** A worksite's document (the week's attendance sheet, its planning or its bilan), with its kind's template and page. */
export function renderWorksiteDocument(data: WorksiteDocumentData, fontsDir: string): string {
  const { template: Template, label, pageCss, headerNotice } = DOCUMENT_REGISTRY[data.kind];
  const subject = data.weekOf
    ? `${data.worksite.name} — semaine du ${formatFrenchDate(data.weekOf)}`
    : data.worksite.name;
  const info = { title: documentTitle(label, subject, data), author: data.structure.name };
  const notice = headerNotice?.(data);
  const header = runningHeaderCss(`${notice ? `${notice} — ` : ''}${referenceOf(data)} — ${label} — ${subject}`);
  return renderPage(
    <Drafted draft={data.draft}>
      <Template d={data} />
    </Drafted>,
    fontsDir,
    (pageCss?.(data) ?? '') + header,
    info,
  );
}

/** A document addressed to a person about their own data. */
export function renderPersonDocument(data: PersonDocumentData, fontsDir: string): string {
  const { template: Template, label } = DOCUMENT_REGISTRY[data.kind];
  const info = {
    title: documentTitle(label, `${data.person.firstNames} ${data.person.lastName}`, data),
    author: data.structure.name,
  };
  const header = `${referenceOf(data)} — ${label} — ${data.person.firstNames} ${data.person.lastName.toLocaleUpperCase('fr-FR')}`;
  return renderPage(<Template d={data} />, fontsDir, runningHeaderCss(header), info);
}
