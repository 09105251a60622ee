import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { ParticipationDocumentData } from './data';
import { fontFaces } from './fonts';
import { PRINT_CSS } from './print-css';
import { Convocation } from './templates/convocation';
import { EmploymentContract } from './templates/employment-contract';
import { MiseADisposition } from './templates/mise-a-disposition';

const TEMPLATES = {
  contrat_travail: EmploymentContract,
  mise_a_disposition: MiseADisposition,
  convocation: Convocation,
} as const;

/** A page of static HTML (React escapes every value) with the fonts and print CSS inlined. */
export function renderPage(element: ReactElement, fontsDir: string): string {
  const body = renderToStaticMarkup(element);
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><style>${fontFaces(fontsDir)}${PRINT_CSS}</style></head><body>${body}</body></html>`;
}

/** A participation's document from its typed data. */
export function renderDocument(data: ParticipationDocumentData, fontsDir: string): string {
  const Template = TEMPLATES[data.kind];
  return renderPage(<Template d={data} />, fontsDir);
}
