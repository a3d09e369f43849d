import { MantineProvider } from '@mantine/core';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { I18n } from '@/lib/i18n/i18n';
import type { ReactNode } from 'react';
import { I18nProvider } from '@/lib/i18n/react';
import { ConfirmHost } from '@/components/confirm-action/confirm-host';
import { NotificationsHost } from '@/lib/notify/notifications-host';
import { cssVariablesResolver, theme } from './theme';

type AppProviderProps = {
  queryClient: QueryClient;
  i18n: I18n;
  children: ReactNode;
};

export function AppProvider({ queryClient, i18n, children }: AppProviderProps) {
  return (
    <I18nProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="auto">
          <NotificationsHost />
          <ConfirmHost />
          {children}
        </MantineProvider>
      </QueryClientProvider>
    </I18nProvider>
  );
}
