import { foldForSearch } from '@shared/text';
import type { MenuEntry } from '../../app/routes';

export interface FoundHit {
  key: string;
  title: string;
  detail: string;
  /** The address the line opens. */
  href: string;
}

export interface FoundGroup {
  kind: string;
  label: string;
  hits: FoundHit[];
  more: boolean;
}

/**
 * The screens the role may open whose name holds every word typed, accents
 * and case folded. Found here rather than in main: the list of screens, and
 * which the role may open, already live in the renderer's route table.
 */
export function foundPages(items: MenuEntry[], text: string): FoundGroup | null {
  const words = foldForSearch(text).split(' ').filter(Boolean);
  if (words.length === 0) return null;
  const hits = items
    .filter((item) => words.every((word) => foldForSearch(item.title).includes(word)))
    .map((item) => ({ key: `page:${item.path}`, title: item.title, detail: 'Page', href: item.path }));
  return hits.length > 0 ? { kind: 'pages', label: 'Pages', hits, more: false } : null;
}
