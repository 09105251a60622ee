import { createElement } from 'react';
import { madeBeforeTheFacts } from '../../domain/document-guards';
import { RgpdNotice } from '../templates/rgpd-notice';
import { referenceOf } from '../templates/parts';
import { keptOnServer } from '../../db/engine';
import { personKind } from './kind';

/** The information notice (RGPD art. 13) handed to one person: addressed to them, its words agreed with their civility. */
export const noticeDonnees = personKind('notice_donnees', {
  // On a PostgreSQL server, the notice says what the server and its backups keep after an erasure.
  collect: async (ctx) => ({ keptOnServer: keptOnServer(ctx.services.engine) }),
  template: ({ d }) =>
    createElement(RgpdNotice, {
      structure: d.structure,
      person: d.person,
      reference: referenceOf(d),
      onServer: d.keptOnServer ?? false,
    }),
  guard: madeBeforeTheFacts,
});
