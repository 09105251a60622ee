import { fixTypography } from '../shared/french';

/** What the PDF's information dictionary says: shown as the window title and in the file's properties. */
export interface DocumentInfo {
  title: string;
  /** The structure that issues the document. */
  author: string;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#x27;': "'" };
const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const decode = (text: string) => text.replace(/&(?:amp|lt|gt|quot|#x27);/g, (entity) => ENTITIES[entity]!);

/**
 * The one text layer of every template: French typography applied to the
 * text between the tags of React's static markup (never to attributes, where
 * data URLs and styles live), whatever template or free text it came from.
 */
export function typesetMarkup(markup: string): string {
  return markup.replace(/>([^<]+)</g, (_match, text: string) => `>${escapeText(fixTypography(decode(text)))}<`);
}

/** The document's head tags that carry its information; the printers copy them into the PDF. */
export function infoTags(info: DocumentInfo): string {
  return `<title>${escapeText(fixTypography(info.title))}</title><meta name="author" content="${escapeText(info.author).replace(/"/g, '&quot;')}">`;
}

/** Reads back what `infoTags` wrote, for a printer. */
export function infoOf(html: string): Partial<DocumentInfo> {
  const title = /<title>([^<]*)<\/title>/.exec(html)?.[1];
  const author = /<meta name="author" content="([^"]*)">/.exec(html)?.[1];
  return {
    title: title === undefined ? undefined : decode(title),
    author: author === undefined ? undefined : decode(author),
  };
}

/** When a caller gives none: the first heading as the title, the letterhead's issuer as the author. */
export function infoFromMarkup(markup: string): DocumentInfo {
  const text = (html: string | undefined) =>
    decode((html ?? '').replace(/<[^>]+>/g, ''))
      .replace(/\s+/g, ' ')
      .trim();
  return {
    title: text(/<h1[^>]*>(.*?)<\/h1>/s.exec(markup)?.[1]) || 'Document',
    author: text(/class="issuer"[^>]*>.*?<strong>(.*?)<\/strong>/s.exec(markup)?.[1]),
  };
}
