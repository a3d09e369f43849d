import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterContextProvider } from '@tanstack/react-router';
import { render, type RenderOptions } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement, ReactNode } from 'react';
import { I18nProvider } from '@/lib/i18n/react';
import { theme } from '@/app/theme';
import { ConfirmHost } from '@/components/confirm-action/confirm-host';
import type { Language } from '@/lib/i18n/catalogues';
import { createI18n } from '@/lib/i18n/i18n';
import { allCatalogues } from './catalogues';
import { createTestRouter } from './test-router';
import type { FakeConsoleServer } from './fake-console';
import type { TestImHost } from './im-host';
import { installHttp } from './install-http';

type RenderWithProvidersOptions = Omit<RenderOptions, 'wrapper'> & {
  language?: Language;
  /** The IM host the console's calls go to for this test (the in-process emulator, see im-host.ts). */
  imHost?: TestImHost;
  /** Or the console server's own endpoints, answered by the test (fake-console.ts). */
  consoleServer?: FakeConsoleServer;
};

/** Renders `ui` with the app's providers; each call gets a fresh query cache and i18n instance. */
export function renderWithProviders(ui: ReactElement, { language = 'en', imHost, consoleServer, ...options }: RenderWithProvidersOptions = {}) {
  // One client serves both, so one of them per test.
  if (imHost && consoleServer) throw new Error('renderWithProviders: pass imHost or consoleServer, not both');
  const host = imHost ?? consoleServer;
  if (host) installHttp(host.http);
  const queryClient = new QueryClient({
    // A failing request should fail the test at once rather than after three retries.
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  const i18n = createI18n(language, allCatalogues);
  const router = createTestRouter();

  function Wrapper({ children }: { children: ReactNode }) {
    return (
      <I18nProvider i18n={i18n}>
        <QueryClientProvider client={queryClient}>
          {/* env="test" turns off transitions and portals so content is in the DOM immediately. */}
          <MantineProvider theme={theme} env="test">
            <ConfirmHost />
            <RouterContextProvider router={router}>{children}</RouterContextProvider>
          </MantineProvider>
        </QueryClientProvider>
      </I18nProvider>
    );
  }

  return {
    user: userEvent.setup(),
    queryClient,
    i18n,
    ...render(ui, { wrapper: Wrapper, ...options }),
  };
}
