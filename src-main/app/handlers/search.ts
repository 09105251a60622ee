import * as repo from '../../db/repositories/search';
import type { Reach } from '../../db/reach';
import { formatFrenchDate } from '../../shared/dates';
import { SEARCH_KIND_LABELS, type SearchGroup, type SearchKind } from '../../shared/contract/search';
import { WORKSITE_KIND_LABELS } from '../../shared/contract/worksites';
import type { Method } from '../../shared/contract';
import type { HandlerContext, HandlerMap } from '../handler';
import { scopeFor } from '../permissions';

/**
 * Each group borrows the permission of the method that opens its records: a
 * role that may not open a person's record finds no one, and finds people
 * within that method's reach (a social worker her caseload, a supervisor the
 * people of his worksites).
 */
const OPENED_BY: Record<SearchKind, Method> = {
  people: 'people/get',
  worksites: 'worksites/get',
  documents: 'documents/search',
};

function reachFor(kind: SearchKind, ctx: HandlerContext): Reach | null {
  const scope = scopeFor(OPENED_BY[kind], ctx.session.user!.role);
  return scope === null ? null : { kind: scope, userId: ctx.session.user!.id };
}

function group<T>(
  kind: SearchKind,
  rows: T[],
  limit: number,
  toHit: (row: T) => SearchGroup['hits'][number],
): SearchGroup {
  return { kind, label: SEARCH_KIND_LABELS[kind], hits: rows.slice(0, limit).map(toHit), more: rows.length > limit };
}

const shortKind = (kind: string) =>
  (WORKSITE_KIND_LABELS[kind as keyof typeof WORKSITE_KIND_LABELS] ?? kind).split(' (')[0]!;

export const searchHandlers: HandlerMap<'search/anywhere'> = {
  'search/anywhere': async ({ text, limit }, ctx) => {
    const groups: SearchGroup[] = [];
    const people = reachFor('people', ctx);
    if (people) {
      const rows = await repo.findPeople(ctx.db, text, people, limit);
      // The birth date tells homonyms apart; the town helps when two share it too.
      groups.push(
        group('people', rows, limit, (p) => ({
          title: `${p.firstNames} ${p.lastName}`,
          detail: [
            `${p.sex === 'F' ? 'née' : 'né'} le ${formatFrenchDate(p.birthDate)}`,
            p.town,
            p.archived ? 'fiche archivée' : '',
          ]
            .filter(Boolean)
            .join(' · '),
          link: { kind: 'person', id: p.id },
          personId: p.id,
          worksiteId: null,
        })),
      );
    }
    const worksites = reachFor('worksites', ctx);
    if (worksites) {
      const rows = await repo.findWorksites(ctx.db, text, worksites, limit);
      groups.push(
        group('worksites', rows, limit, (w) => ({
          title: w.name,
          detail: `${shortKind(w.kind)} · ${w.employerName} · début le ${formatFrenchDate(w.startDate)}`,
          link: { kind: 'worksite', id: w.id },
          personId: null,
          worksiteId: w.id,
        })),
      );
    }
    const documents = reachFor('documents', ctx);
    if (documents) {
      const rows = await repo.findDocuments(ctx.db, text, documents, limit);
      groups.push(
        group('documents', rows, limit, (d) => ({
          title: d.title,
          detail: `n° ${d.number} · ${formatFrenchDate(d.createdAt.slice(0, 10))}`,
          // A document opens where it is kept: on its person's record, its worksite, or the documents screen.
          link:
            d.personId !== null
              ? { kind: 'person', id: d.personId }
              : d.worksiteId !== null
                ? { kind: 'worksite', id: d.worksiteId }
                : { kind: 'page', page: 'documents' },
          personId: d.personId,
          worksiteId: d.worksiteId,
        })),
      );
    }
    return { groups: groups.filter((g) => g.hits.length > 0) };
  },
};
