import { worksiteBilanOf } from '../../app/read-models/bilans';
import { bilanGuard } from '../../domain/document-guards';
import { collectWorksiteData } from '../collect-worksite';
import { BilanChantier } from '../templates/bilan-chantier';
import { worksiteKind } from './kind';

/** The named bilan stays inside the CCAS: said at the top of every page (the first here, the next ones in their running header). */
const INTERNAL_NOTICE = 'Document interne — contient des données personnelles';
const INTERNAL = `@page :first { @top-center { content: "${INTERNAL_NOTICE}"; font-size: 9pt; font-weight: 700; } }`;

export const bilanChantier = worksiteKind('bilan_chantier', {
  collect: async (ctx, request) => ({
    ...(await collectWorksiteData(ctx.db, 'bilan_chantier', request.worksiteId, null, ctx.services.paths.filesDir)),
    // The collective bilan's figures are the bilans feature's.
    bilan: await worksiteBilanOf(ctx, request.worksiteId),
  }),
  template: BilanChantier,
  guard: bilanGuard,
  pageCss: (d) => (d.named ? INTERNAL : ''),
  headerNotice: (d) => (d.named ? INTERNAL_NOTICE : ''),
});
