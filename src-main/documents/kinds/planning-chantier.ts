import { madeBeforeTheFacts } from '../../domain/document-guards';
import { collectWorksiteData } from '../collect-worksite';
import { WorksitePlanning } from '../templates/worksite-planning';
import { worksiteKind } from './kind';

export const planningChantier = worksiteKind('planning_chantier', {
  collect: ({ db, services }, request) =>
    collectWorksiteData(db, 'planning_chantier', request.worksiteId, null, services.paths.filesDir),
  template: WorksitePlanning,
  guard: madeBeforeTheFacts,
});
