import { Anchor, Badge, createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

/** A calm, deep public-sector blue. Shade 8 (the filled shade) gives white text well above 4.5:1. */
const regionBlue: MantineColorsTuple = [
  '#eaf2fb',
  '#d3e3f5',
  '#a6c5ea',
  '#76a5de',
  '#4f8ad3',
  '#3679cc',
  '#2870c9',
  '#1a5fb2',
  '#0f5199',
  '#00417f',
];

export const theme = createTheme({
  primaryColor: 'region',
  primaryShade: { light: 8, dark: 5 },
  colors: { region: regionBlue },
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: { fontWeight: '600' },
  defaultRadius: 'sm',
  cursorType: 'pointer',
  autoContrast: true,
  components: {
    // A link inside running text must not be told apart by colour alone (WCAG 1.4.1).
    Anchor: Anchor.extend({ defaultProps: { underline: 'always' } }),
    // Small bold text on a filled mid-tone (green-8, orange-8 …) stays under 4.5:1; the light variant's
    // darkened text (below) passes. A badge that must be filled says so.
    Badge: Badge.extend({ defaultProps: { variant: 'light' } }),
  },
});

/**
 * Darker text than Mantine's defaults where those fall below WCAG AA (4.5:1):
 * secondary ("dimmed"), error and placeholder text on white, and the text of
 * light-variant alerts and badges on their tinted backgrounds (for example
 * green-9 on green-1 is only 3.8:1; these are 5.7:1 or more).
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
    '--mantine-color-green-light-color': '#1f6b30',
    '--mantine-color-yellow-light-color': '#7a4a00',
    '--mantine-color-orange-light-color': '#8a3c00',
    '--mantine-color-red-light-color': '#a61e1e',
    '--mantine-color-teal-light-color': '#065c42',
    '--mantine-color-cyan-light-color': '#08586a',
    '--mantine-color-lime-light-color': '#3b5e08',
  },
  dark: {},
});
