/**
 * Where a line sent by main leads: a record or a screen, never an address.
 * Main names the target; the renderer turns it into a URL with its route table
 * (`src-renderer/src/app/routes.ts`, `hrefFor`), so a renamed path changes one
 * file and main cannot send a link to a screen that does not exist.
 */
import { z } from 'zod';
import { id, isoDate } from './fields';

/** Screens main may send someone to, each a route of the renderer (settings tabs included). */
export const LINKED_PAGES = [
  'people',
  'documents',
  'payroll',
  'rgpd',
  'backup',
  'settings-structure',
  'settings-employers',
  'settings-wages',
  'settings-accounts',
] as const;
export type LinkedPage = (typeof LINKED_PAGES)[number];

export const linkTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('person'), id }),
  z.object({ kind: z.literal('worksite'), id }),
  /** The attendance sheet of a worksite, open on the week holding `week`. */
  z.object({ kind: z.literal('attendance'), worksiteId: id, week: isoDate('La semaine') }),
  z.object({ kind: z.literal('page'), page: z.enum(LINKED_PAGES) }),
]);
export type LinkTarget = z.output<typeof linkTarget>;

/**
 * Checks kept in a payroll hand-off validated before targets were typed hold the
 * path the renderer then followed (`/people/12`, `/worksites/3/attendance?semaine=…`):
 * read back as the same target, or as the payroll screen when the path is unknown.
 */
export function linkFromStoredPath(link: LinkTarget | string): LinkTarget {
  if (typeof link !== 'string') return link;
  const [path = '', query = ''] = link.split('?');
  const week = new URLSearchParams(query).get('semaine');
  let match: RegExpMatchArray | null;
  if ((match = /^\/people\/(\d+)$/.exec(path))) return { kind: 'person', id: Number(match[1]) };
  if ((match = /^\/worksites\/(\d+)\/attendance$/.exec(path)) && week && /^\d{4}-\d{2}-\d{2}$/.test(week)) {
    return { kind: 'attendance', worksiteId: Number(match[1]), week };
  }
  if ((match = /^\/worksites\/(\d+)(\/attendance)?$/.exec(path))) return { kind: 'worksite', id: Number(match[1]) };
  return { kind: 'page', page: 'payroll' };
}
