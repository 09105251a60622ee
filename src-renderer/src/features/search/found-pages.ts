import { foldForSearch } from '@shared/text';
import type { NavItem } from '../shell/navigation';

export interface FoundHit {
  key: string;
  title: string;
  detail: string;
  link: string;
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
 * which the role may open, already live in the renderer's navigation.
 */
export function foundPages(items: NavItem[], text: string): FoundGroup | null {
  const words = foldForSearch(text).split(' ').filter(Boolean);
  if (words.length === 0) return null;
  const hits = items
    .filter((item) => words.every((word) => foldForSearch(item.label).includes(word)))
    .map((item) => ({ key: `page:${item.path}`, title: item.label, detail: 'Page', link: item.path }));
  return hits.length > 0 ? { kind: 'pages', label: 'Pages', hits, more: false } : null;
}
