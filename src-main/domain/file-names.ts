/**
 * A file name that Windows, a USB stick (FAT32/exFAT) and the people reading
 * it all accept: accents kept, no path separators or reserved characters, no
 * Windows device name (CON, NUL, COM1…), no trailing dot or space, bounded
 * length, the extension kept.
 */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;
// Control characters are exactly what must go: the rule against them in regexes does not apply here.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f\u007f]/g;
const MAX_LENGTH = 120;

export function safeFileName(wanted: string, extension: string): string {
  let base = wanted
    .normalize('NFC')
    .replace(FORBIDDEN, '_')
    .replace(/\s+/g, '_')
    .replace(/\.{2,}/g, '.')
    .replace(/_+/g, '_')
    .replace(/^[._]+|[._ ]+$/g, '');
  if (base === '' || RESERVED.test(base.split('.')[0]!)) base = `document_${base}`.replace(/_$/, '');
  // Counted in characters: every one kept is at most 3 bytes in UTF-8, well within 255.
  const chars = [...base];
  if (chars.length > MAX_LENGTH)
    base = chars
      .slice(0, MAX_LENGTH)
      .join('')
      .replace(/[._ ]+$/g, '');
  return `${base}.${extension}`;
}

/** "Contrat_LEFÈVRE_Élodie_2026-05-04.pdf" */
export function documentFileName(
  kindLabel: string,
  lastName: string,
  firstNames: string,
  date: string,
  extension = 'pdf',
): string {
  return safeFileName(`${kindLabel}_${lastName.toLocaleUpperCase('fr-FR')}_${firstNames}_${date}`, extension);
}
