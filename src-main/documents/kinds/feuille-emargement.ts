import { madeBeforeTheFacts } from '../../domain/document-guards';
import { collectWorksiteData } from '../collect-worksite';
import { AttendanceSheet } from '../templates/attendance-sheet';
import { worksiteKind } from './kind';

/** The attendance sheet is landscape: a column per half-day of the week. */
const LANDSCAPE = '@page { size: A4 landscape; margin: 12mm 12mm 16mm 12mm; }';

export const feuilleEmargement = worksiteKind('feuille_emargement', {
  collect: ({ db, services }, request) => collectWorksiteData(db, 'feuille_emargement', request.worksiteId, 'weekOf' in request ? request.weekOf : null, services.paths.filesDir),
  template: AttendanceSheet,
  guard: madeBeforeTheFacts,
  pageCss: () => LANDSCAPE,
});
