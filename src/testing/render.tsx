import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderOptions } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement, ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { theme } from '@/app/theme';
import type { Language } from '@/lib/i18n/catalogues';
import { createI18n } from '@/lib/i18n/i18n';

type RenderWithProvidersOptions = Omit<RenderOptions, 'wrapper'> & {
  language?: Language;
};

/** Renders `ui` with the app's providers; each call gets a fresh query cache and i18n instance. */
export function renderWithProviders(ui: ReactElement, { language = 'en', ...options }: RenderWithProvidersOptions = {}) {
  const queryClient = new QueryClient({
    // A failing request should fail the test at once rather than after three retries.
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  const i18n = createI18n(language);

  function Wrapper({ children }: { children: ReactNode }) {
    return (
      <I18nextProvider i18n={i18n}>
        <QueryClientProvider client={queryClient}>
          {/* env="test" turns off transitions and portals so content is in the DOM immediately. */}
          <MantineProvider theme={theme} env="test">
            {children}
          </MantineProvider>
        </QueryClientProvider>
      </I18nextProvider>
    );
  }

  return {
    user: userEvent.setup(),
    queryClient,
    i18n,
    ...render(ui, { wrapper: Wrapper, ...options }),
  };
}
