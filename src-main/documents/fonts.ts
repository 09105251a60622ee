import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The one typeface of every document, Source Sans 3 (SIL OFL), shipped in
 * `resources/fonts` and inlined as data URLs so that printing needs no file
 * access. Every weight and style a template uses is declared here: an
 * undeclared bold would be synthesised by Chromium into a Type 3 font.
 */
const FACES = [
  { weight: 400, style: 'normal' },
  { weight: 400, style: 'italic' },
  { weight: 700, style: 'normal' },
] as const;

const SUBSETS = {
  latin:
    'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD',
  'latin-ext':
    'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C4,U+2113,U+2C60-2C7F,U+A720-A7FF',
} as const;

export const FONT_FAMILY = "'Source Sans 3'";

const cache = new Map<string, string>();

export function fontFaces(fontsDir: string): string {
  const cached = cache.get(fontsDir);
  if (cached) return cached;
  const css = FACES.flatMap(({ weight, style }) =>
    Object.entries(SUBSETS).map(([subset, range]) => {
      const file = path.join(fontsDir, `source-sans-3-${subset}-${weight}-${style}.woff2`);
      const data = readFileSync(file).toString('base64');
      return `@font-face{font-family:${FONT_FAMILY};font-style:${style};font-weight:${weight};src:url(data:font/woff2;base64,${data}) format('woff2');unicode-range:${range};}`;
    }),
  ).join('\n');
  cache.set(fontsDir, css);
  return css;
}
