import { createTheme, type CSSVariablesResolver } from '@mantine/core';

// The system's own interface font first (San Francisco, Segoe UI, the Linux desktop's): found at
// the first name, where Mantine's stack has the browser look up four absent fonts for every
// weight and size before settling on Helvetica's stand-in. On a cold load those look-ups were
// 30–50 ms of layout on Linux.
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", sans-serif, "Apple Color Emoji", "Segoe UI Emoji", "Noto Color Emoji"';

// Shared by the app and the test render helper so components are tested with the real theme.
// Shades and text colours are chosen for WCAG AA contrast (4.5:1), checked by axe in e2e.
export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: { light: 8, dark: 8 },
  // Light badges and buttons pick black or white text by background luminance.
  autoContrast: true,
  defaultRadius: 'md',
  fontFamily: FONT,
  headings: { fontFamily: FONT },
});

// Mantine's default dimmed text is 3.3:1 (gray 6 on white) and 4:1 (dark 2 on dark 7);
// one step stronger still reads as secondary and passes.
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  // Field errors: red 6 is 3.3:1 on white; red 9 and, on dark, red 4 pass.
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)', '--mantine-color-error': 'var(--mantine-color-red-9)' },
  dark: { '--mantine-color-dimmed': 'var(--mantine-color-dark-1)', '--mantine-color-error': 'var(--mantine-color-red-4)' },
});
