import { DEFAULT_THEME } from '@mantine/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AA_TEXT, contrastRatio, readableOn } from '../../src-renderer/src/ui/contrast';
import { cssVariablesResolver, dimmedGrey, passerelleTeal, theme } from '../../src-renderer/src/ui/theme';

const WHITE = '#ffffff';
const { gray } = DEFAULT_THEME.colors;
const light = cssVariablesResolver({ ...DEFAULT_THEME, ...theme } as never).light as Record<string, string>;

describe('le rapport de contraste (WCAG 2.1, critère 1.4.3)', () => {
  it.each([
    ['#000000', '#ffffff', 21],
    ['#ffffff', '#ffffff', 1],
    // The usual references: the grey just readable on white, and just not.
    ['#767676', '#ffffff', 4.54],
    ['#777777', '#ffffff', 4.48],
    ['#868e96', '#ffffff', 3.32],
    ['#0ca678', '#ffffff', 3.12],
  ])('%s sur %s : %f', (a, b, ratio) => {
    expect(contrastRatio(a, b)).toBeCloseTo(ratio, 2);
    expect(contrastRatio(b, a)).toBeCloseTo(ratio, 2);
  });

  it('garde une couleur déjà lisible et assombrit juste assez les autres', () => {
    expect(readableOn('#767676', WHITE)).toBe('#767676');
    const darker = readableOn('#868e96', WHITE);
    expect(contrastRatio(darker, WHITE)).toBeGreaterThanOrEqual(AA_TEXT);
    expect(contrastRatio(darker, WHITE)).toBeLessThan(5);
  });

  it('rend toujours une couleur lisible, quelle que soit la couleur de départ', () => {
    const hex = fc.integer({ min: 0, max: 0xffffff }).map((n) => `#${n.toString(16).padStart(6, '0')}`);
    fc.assert(
      fc.property(
        hex,
        hex,
        (color, background) =>
          contrastRatio(readableOn(color, background), background) >= AA_TEXT ||
          contrastRatio('#000000', background) < AA_TEXT,
      ),
    );
  });
});

describe('les couleurs du thème se lisent à 4,5:1 au moins', () => {
  const backgrounds = { blanc: WHITE, 'gris des cartes et lignes alternées': gray[0], 'gris de survol': gray[1] };

  it.each(Object.entries(backgrounds))('liens et textes d’aide sur %s', (_, background) => {
    expect(contrastRatio(light['--mantine-color-anchor']!, background)).toBeGreaterThanOrEqual(AA_TEXT);
    expect(contrastRatio(dimmedGrey, background)).toBeGreaterThanOrEqual(AA_TEXT);
    expect(contrastRatio(light['--mantine-color-dimmed']!, background)).toBeGreaterThanOrEqual(AA_TEXT);
    expect(contrastRatio(light['--mantine-color-error']!, background)).toBeGreaterThanOrEqual(AA_TEXT);
  });

  it('le vert de Passerelle : boutons pleins en blanc, titres et liens en vert foncé sur blanc', () => {
    for (const shade of [6, 7, 8, 9])
      expect(contrastRatio(passerelleTeal[shade]!, WHITE)).toBeGreaterThanOrEqual(AA_TEXT);
    expect(contrastRatio(passerelleTeal[9], passerelleTeal[1])).toBeGreaterThanOrEqual(AA_TEXT);
  });

  it.each(Object.keys(DEFAULT_THEME.colors))(
    'palette %s : boutons pleins, texte, contour et variante claire',
    (name) => {
      const shades = name === 'teal' ? passerelleTeal : DEFAULT_THEME.colors[name]!;
      expect(contrastRatio(light[`--mantine-color-${name}-filled`]!, WHITE)).toBeGreaterThanOrEqual(AA_TEXT);
      expect(contrastRatio(light[`--mantine-color-${name}-filled-hover`]!, WHITE)).toBeGreaterThanOrEqual(AA_TEXT);
      expect(contrastRatio(light[`--mantine-color-${name}-text`]!, WHITE)).toBeGreaterThanOrEqual(AA_TEXT);
      expect(contrastRatio(light[`--mantine-color-${name}-outline`]!, WHITE)).toBeGreaterThanOrEqual(AA_TEXT);
      // The light variant (badges, active menu entry, alerts) on its background and its hover.
      for (const background of [shades[0], shades[1], shades[2]])
        expect(contrastRatio(light[`--mantine-color-${name}-light-color`]!, background)).toBeGreaterThanOrEqual(
          AA_TEXT,
        );
    },
  );
});
