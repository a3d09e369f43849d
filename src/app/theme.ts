import { createTheme } from '@mantine/core';

// Shared by the app and the test render helper so components are tested with the real theme.
export const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'md',
});
