import { fixTypography } from '../shared/french';
import { FONT_FAMILY } from './fonts';

/**
 * A CSS string literal for any text: every character that could end the
 * string, the rule or the <style> element (", \, <, >, {, }, ;, control
 * characters) is written as a hex escape, so a name typed by a user cannot
 * change the style sheet.
 */
export function cssString(text: string): string {
  const safe = /[\p{L}\p{N}\p{Zs}.,'’()\-–—/°:]/u;
  return `"${[...text].map((ch) => (safe.test(ch) && ch !== '\u2028' ? ch : `\\${ch.codePointAt(0)!.toString(16)} `)).join('')}"`;
}

/**
 * Continuation pages (2 to N) carry a running header, so a page taken out of
 * the pile still says what it belongs to: the document's reference and whom it
 * is about at the left, "page X / Y" at the right (the first page keeps its
 * number at the bottom, under the letterhead's reference). A contract leaves
 * room on every page for the parties' initials (paraphes).
 */
export function runningHeaderCss(header: string, options: { initials?: boolean } = {}): string {
  const box = `font-family: ${FONT_FAMILY}; font-size: 8.5pt; color: #444;`;
  const initials = options.initials
    ? `@bottom-left { content: "Paraphes"; ${box} vertical-align: top; text-align: left; width: 42mm; height: 11mm; margin-top: 3mm; padding: 0.8mm 1.5mm; border: 0.3mm solid #000; }`
    : '';
  return `
@page {
  @top-left { content: ${cssString(fixTypography(header))}; ${box} width: 80%; vertical-align: bottom; text-align: left; padding-bottom: 2mm; border-bottom: 0.2mm solid #888; }
  @top-right { content: "page " counter(page) " / " counter(pages); ${box} width: 20%; white-space: nowrap; vertical-align: bottom; text-align: right; padding-bottom: 2mm; border-bottom: 0.2mm solid #888; }
  @bottom-right { content: none; }
  ${initials}
}
@page :first {
  @top-left { content: none; border: none; }
  @top-right { content: none; border: none; }
  @bottom-right { content: "page " counter(page) " / " counter(pages); }
}`;
}
