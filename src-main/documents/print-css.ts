import { FONT_FAMILY } from './fonts';

/**
 * The page: A4 with margins for hole punching, page numbers "page X / Y" in
 * the bottom margin (CSS page-margin boxes), black text a photocopier keeps.
 * The signature block and each table row never split across pages.
 */
export const PRINT_CSS = `
@page {
  size: A4;
  margin: 18mm 18mm 20mm 22mm;
  @bottom-right {
    content: "page " counter(page) " / " counter(pages);
    font-family: ${FONT_FAMILY};
    font-size: 8.5pt;
    color: #444;
  }
}
* { box-sizing: border-box; }
html { font-family: ${FONT_FAMILY}; font-size: 10.5pt; line-height: 1.4; color: #000; }
/* Long names and addresses wrap between words, never inside one (no hyphenation, no break in a name). */
body { overflow-wrap: normal; word-break: normal; hyphens: manual; }
body { margin: 0; }
h1 { font-size: 15pt; font-weight: 700; text-align: center; margin: 6mm 0 1mm; }
h2 { font-size: 11.5pt; font-weight: 700; margin: 5mm 0 1.5mm; break-after: avoid; }
p { margin: 0 0 2mm; text-align: justify; }
.subtitle { text-align: center; margin: 0 0 5mm; }
.reference { text-align: center; font-size: 9pt; color: #333; margin-bottom: 5mm; }
.letterhead { display: flex; justify-content: space-between; gap: 8mm; align-items: flex-start; }
.letterhead .logo { max-height: 22mm; max-width: 45mm; }
.letterhead .issuer { font-size: 9.5pt; flex: 1 1 auto; min-width: 0; }
.letterhead > .small { flex: none; white-space: nowrap; }
.letterhead .issuer strong { font-size: 11pt; }
.parties { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 6mm; margin: 4mm 0; }
.party { border: 0.3mm solid #000; padding: 2.5mm 3mm; }
.party .role { font-style: italic; margin-bottom: 1mm; }
table { width: 100%; border-collapse: collapse; margin: 2mm 0 3mm; }
th, td { border: 0.3mm solid #000; padding: 1.2mm 2mm; text-align: left; vertical-align: top; }
th { font-weight: 700; }
tr { break-inside: avoid; }
/* The weekly spread (at most twelve half-days) is read as a whole. */
table.spread { break-inside: avoid; }
p:has(+ table.spread) { break-after: avoid; break-inside: avoid; }
.signatures { break-inside: avoid; break-before: avoid; margin-top: 6mm; }
/* A signature block never stands alone on a page: the paragraph before it (or an article’s last one) goes over with it. */
p:has(+ .signatures), section:has(+ .signatures) > :last-child { break-inside: avoid; break-after: avoid; }
section:has(+ .signatures) { break-after: avoid; }
/* A letter’s closing formula is one line: the paragraph before it goes with it, so the signature never turns the page with a formula alone. */
p:has(+ p + .signatures) { break-inside: avoid; break-after: avoid; }
.signatures .place { margin-bottom: 3mm; }
.signatures .boxes { display: grid; grid-template-columns: 1fr 1fr; gap: 8mm; }
.signatures .box { border: 0.3mm solid #000; min-height: 32mm; padding: 2mm 3mm; }
.signatures .box .who { font-weight: 700; }
.signatures .box .handwrite { margin-top: 2mm; font-size: 9pt; color: #444; }
.signatures .box .mention { font-size: 9pt; font-style: italic; }
.small { font-size: 9pt; }
.established { margin-top: 4mm; font-size: 8.5pt; color: #444; break-before: avoid; }
.watermark {
  position: fixed; top: 45%; left: -20%; width: 140%;
  text-align: center; white-space: nowrap; font-size: 46pt; font-weight: 700;
  color: rgba(0, 0, 0, 0.18); transform: rotate(-35deg); z-index: 10; pointer-events: none;
}
.num { white-space: nowrap; text-align: right; font-variant-numeric: tabular-nums; }
.num .small, th.num { white-space: normal; }
/* Figures in a table read down their units: right-aligned. */
td.figure, th.figure { text-align: right; font-variant-numeric: tabular-nums; }
/* The feuille d’émargement (landscape): columns sized for handwriting, a time never broken in a heading. */
.sheet-head { align-items: center; }
.sheet-head .logo { max-height: 14mm; display: block; margin-bottom: 1mm; }
.sheet-head .funders { display: flex; gap: 4mm; align-items: center; flex-wrap: wrap; justify-content: center; }
.sheet-head .emblem { max-height: 14mm; max-width: 40mm; }
.sheet-head .funder-name { font-size: 8.5pt; font-weight: 700; border: 0.3mm solid #000; padding: 1mm 2mm; }
table.sheet { table-layout: fixed; font-size: 8.5pt; }
table.sheet th, table.sheet td { padding: 0.8mm 1mm; }
table.sheet th { text-align: center; vertical-align: middle; line-height: 1.2; }
table.sheet th .small { font-weight: 400; }
table.sheet .who { width: 38mm; text-align: left; }
table.sheet .time { width: 12mm; }
table.sheet .signature { width: 21mm; }
table.sheet .reason { width: 12.5mm; font-size: 7pt; }
table.sheet tr.person { height: 10mm; }
table.sheet tr.visa { height: 12mm; }
table.sheet td.closed { background: #e6e6e6; text-align: center; vertical-align: middle; font-size: 8pt; }
table.band { break-inside: avoid; margin-bottom: 3mm; }
table.sheet .figure { text-align: right; white-space: nowrap; }
table.sheet tr.total td { border-top: 0.6mm solid #000; }
.sheet-head + h1 { margin-top: 1mm; font-size: 13.5pt; }
.sheet-head + h1 + .subtitle { margin-bottom: 3mm; }
.sheet-foot table.sheet td { padding: 0.4mm 1mm; }
.subtitle.operation { margin-top: -2.5mm; margin-bottom: 3mm; font-weight: 700; }
.sheet-foot { display: grid; grid-template-columns: minmax(0, 1.7fr) minmax(0, 1fr); gap: 6mm; break-inside: avoid; }
.sheet-foot h2 { margin-top: 0; }
.sheet-foot .legend { margin-top: 0; text-align: left; }
.sheet-foot .mention { text-align: left; border-left: 0.6mm solid #000; padding-left: 2mm; }
`;

/** A wide table (a column per half-day, or per figure): the page turned to landscape. */
export const LANDSCAPE_CSS = '@page { size: A4 landscape; margin: 12mm 12mm 16mm 12mm; }';
