/**
 * Accent- and case-folding for search: "Élodie", "LEFÈVRE", "N’Diaye" match
 * "elodie", "lefevre", "n'diaye". SQLite has no ICU here, so the database
 * registers this same function as `fr_fold`.
 */
export function foldForSearch(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[œŒ]/g, 'oe')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[’‘`´]/g, "'")
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The key people are searched by: folded, apostrophes dropped, hyphens as
 * spaces, so "ndiaye" finds "N’Diaye" and "jean pierre" finds "Jean-Pierre".
 */
export function nameSearchKey(...names: string[]): string {
  return foldForSearch(names.join(' ')).replace(/'/g, '').replace(/[-‐–]/g, ' ').replace(/\s+/g, ' ').trim();
}
