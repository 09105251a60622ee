/**
 * WCAG 2.1 contrast (success criterion 1.4.3, RGAA criterion 3.2): text and links need a
 * ratio of 4.5:1 against their background. Pure colour arithmetic, so the theme can pick
 * readable shades and a unit test can prove every pair it uses.
 */

type Rgb = [number, number, number];

function parseHex(hex: string): Rgb {
  const value = hex.replace('#', '');
  const full = value.length === 3 ? [...value].map((c) => c + c).join('') : value;
  if (!/^[0-9a-f]{6}$/i.test(full)) throw new Error(`Couleur illisible : ${hex}`);
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as Rgb;
}

function toHex(rgb: Rgb): string {
  return `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

/** Relative luminance as WCAG 2.1 defines it (sRGB, linearised). */
export function luminance(hex: string): number {
  const [r, g, b] = parseHex(hex).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** WCAG AA for normal-size text (1.4.3). */
export const AA_TEXT = 4.5;

/** The colour itself if it reads on the background, else the first darker step that does. */
export function readableOn(color: string, background: string, minimum = AA_TEXT): string {
  const rgb = parseHex(color);
  for (let step = 0; step <= 50; step += 1) {
    const candidate = toHex(rgb.map((c) => c * (1 - step / 50)) as Rgb);
    if (contrastRatio(candidate, background) >= minimum) return candidate;
  }
  return '#000000';
}
