// Mantine's base styles; each component's own CSS comes with the chunk that uses it (vite-plugins/mantine-css.ts).
import '@mantine/core/styles/baseline.css';
import '@mantine/core/styles/default-css-variables.css';
import '@mantine/core/styles/global.css';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppProvider } from './app/provider';
import { createAppRouter } from './app/router';
import { appsQueryOptions, getApps } from './features/connection/api/get-apps';
import { warmDateFormat } from './lib/i18n/format';
import { detectLanguage, loadI18n, needsPages } from './lib/i18n/i18n';
import { createQueryClient } from './lib/query/query-client';

// Every page under an app waits for the configured apps: asked for while the strings download,
// not once the page's code is in (a table then comes ≈ 100 ms sooner).
let earlyApps: ReturnType<typeof getApps> | undefined = getApps();
earlyApps.catch(() => undefined); // a failure is the query's, below, not an unhandled rejection
// Only the language shown is downloaded, before the first render so no untranslated text flashes
// (the `pages` part alongside, when the page opened needs it).
const i18n = await loadI18n(detectLanguage(), { withPages: needsPages(window.location.pathname) });
const queryClient = createQueryClient(i18n);
void queryClient.prefetchQuery({
  ...appsQueryOptions(),
  // The answer already on its way, once; a retry asks again.
  queryFn: () => {
    const answer = earlyApps ?? getApps();
    earlyApps = undefined;
    return answer;
  },
});
const router = createAppRouter(queryClient, i18n);
warmDateFormat(i18n.language);

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <AppProvider queryClient={queryClient} i18n={i18n}>
      <RouterProvider router={router} />
    </AppProvider>
  </StrictMode>,
);
