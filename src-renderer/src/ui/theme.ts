import { createTheme } from '@mantine/core';

/** Calm and readable: larger default text, soft teal, generous spacing, visible focus. */
export const theme = createTheme({
  primaryColor: 'teal',
  primaryShade: 7,
  defaultRadius: 'md',
  fontFamily: '"Segoe UI", "DejaVu Sans", "Liberation Sans", Roboto, Arial, sans-serif',
  headings: { fontFamily: '"Segoe UI", "DejaVu Sans", "Liberation Sans", Roboto, Arial, sans-serif' },
  fontSizes: { md: '1rem' },
  focusRing: 'auto',
  components: {
    TextInput: { defaultProps: { size: 'md' } },
    Select: { defaultProps: { size: 'md' } },
    Button: { defaultProps: { size: 'md' } },
    PasswordInput: { defaultProps: { visibilityToggleButtonProps: { 'aria-label': 'Afficher ou masquer le mot de passe' } } },
  },
});
