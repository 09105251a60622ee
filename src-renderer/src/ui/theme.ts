import { createTheme, DEFAULT_THEME, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';
import { readableOn } from './contrast';

const WHITE = '#ffffff';
const FONT = '"Segoe UI", "DejaVu Sans", "Liberation Sans", Roboto, Arial, sans-serif';
const PRIMARY_SHADE = 7;

/**
 * Mantine's teal with its darker half deepened: its shade 7 (links, filled buttons) read at
 * 3.1:1 on white, under the 4.5:1 of RGAA 3.2 / WCAG 1.4.3. The light shades stay for backgrounds.
 */
export const passerelleTeal: MantineColorsTuple = [
  '#e6fcf5',
  '#c3fae8',
  '#96f2d7',
  '#63e6be',
  '#38d9a9',
  '#12b886',
  '#0d8460',
  '#0b7556',
  '#09664b',
  '#075a42',
];

/** Calm and readable: larger default text, soft teal, generous spacing, visible focus. */
export const theme = createTheme({
  primaryColor: 'teal',
  primaryShade: PRIMARY_SHADE,
  colors: { teal: passerelleTeal },
  defaultRadius: 'md',
  fontFamily: FONT,
  headings: { fontFamily: FONT },
  fontSizes: { md: '1rem' },
  focusRing: 'auto',
  components: {
    // Every field the same size, so a date beside a name lines up and reads as easily.
    TextInput: { defaultProps: { size: 'md' } },
    Select: { defaultProps: { size: 'md' } },
    MultiSelect: { defaultProps: { size: 'md' } },
    NativeSelect: { defaultProps: { size: 'md' } },
    NumberInput: { defaultProps: { size: 'md' } },
    Textarea: { defaultProps: { size: 'md' } },
    DateInput: { defaultProps: { size: 'md' } },
    TimeInput: { defaultProps: { size: 'md' } },
    Button: { defaultProps: { size: 'md' } },
    PasswordInput: {
      defaultProps: {
        size: 'md',
        visibilityToggleButtonProps: { 'aria-label': 'Afficher ou masquer le mot de passe' },
      },
    },
    // Pagination's arrows are icons: a screen reader needs their words (RGAA 11.9).
    Pagination: {
      defaultProps: {
        getControlProps: (control: 'first' | 'previous' | 'last' | 'next') =>
          ({
            first: { 'aria-label': 'Première page' },
            previous: { 'aria-label': 'Page précédente' },
            next: { 'aria-label': 'Page suivante' },
            last: { 'aria-label': 'Dernière page' },
          })[control],
        getItemProps: (page: number) => ({ 'aria-label': `Page ${page}` }),
      },
    },
    CloseButton: { defaultProps: { 'aria-label': 'Fermer' } },
    Modal: { defaultProps: { closeButtonProps: { 'aria-label': 'Fermer' } } },
    Drawer: { defaultProps: { closeButtonProps: { 'aria-label': 'Fermer' } } },
    Notification: { defaultProps: { closeButtonProps: { 'aria-label': 'Fermer la notification' } } },
    Alert: { defaultProps: { closeButtonLabel: 'Fermer' } },
  },
});

const colors = { ...DEFAULT_THEME.colors, teal: passerelleTeal };

/** The light scheme's text colours of every palette, each darkened until it reads on its background. */
export function readableColorVariables(): Record<string, string> {
  const variables: Record<string, string> = {};
  for (const [name, shades] of Object.entries(colors)) {
    const filled = readableOn(shades[PRIMARY_SHADE]!, WHITE);
    variables[`--mantine-color-${name}-filled`] = filled;
    variables[`--mantine-color-${name}-filled-hover`] = readableOn(shades[PRIMARY_SHADE + 1]!, WHITE);
    variables[`--mantine-color-${name}-text`] = filled;
    variables[`--mantine-color-${name}-outline`] = filled;
    variables[`--mantine-color-${name}-light-color`] = readableOn(shades[9]!, shades[2]!);
  }
  return variables;
}

/** Hints are read on white and on the grey of striped rows and cards. */
export const dimmedGrey = readableOn(DEFAULT_THEME.colors.gray[6], DEFAULT_THEME.colors.gray[1]);

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    ...readableColorVariables(),
    '--mantine-color-dimmed': dimmedGrey,
    '--mantine-color-anchor': readableOn(passerelleTeal[PRIMARY_SHADE], DEFAULT_THEME.colors.gray[1]),
    '--mantine-color-error': readableOn(DEFAULT_THEME.colors.red[6], DEFAULT_THEME.colors.gray[1]),
  },
  dark: {},
});
