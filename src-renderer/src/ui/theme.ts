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
    PasswordInput: { defaultProps: { size: 'md', visibilityToggleButtonProps: { 'aria-label': 'Afficher ou masquer le mot de passe' } } },
  },
});
