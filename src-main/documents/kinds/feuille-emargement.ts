import { madeBeforeTheFacts } from '../../domain/document-guards';
import { collectWorksiteData } from '../collect-worksite';
import { LANDSCAPE_CSS } from '../print-css';
import { AttendanceSheet } from '../templates/attendance-sheet';
import { worksiteKind } from './kind';

export const feuilleEmargement = worksiteKind('feuille_emargement', {
  collect: ({ db, services }, request) =>
    collectWorksiteData(
      db,
      'feuille_emargement',
      request.worksiteId,
      'weekOf' in request ? request.weekOf : null,
      services.paths.filesDir,
    ),
  template: AttendanceSheet,
  guard: madeBeforeTheFacts,
  // Landscape: a column per half-day of the week.
  pageCss: () => LANDSCAPE_CSS,
});
