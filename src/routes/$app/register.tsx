import { Tabs } from '@mantine/core';
import { createFileRoute, stripSearchParams } from '@tanstack/react-router';
import { useTranslation } from '@/lib/i18n/react';
import * as z from 'zod/mini';
import { ImportUsers } from '@/features/users/components/import-users';
import { RegisterUserForm } from '@/features/users/components/register-user-form';
import { RoleNotAllowed } from '@/features/session/components/role-not-allowed';
import { useCan } from '@/lib/session/session-store';
import { PageTitle } from '@/routes/-components/page-title';

const MODES = ['one', 'many'] as const;
type Mode = (typeof MODES)[number];

export const Route = createFileRoute('/$app/register')({
  // `?mode=many` opens the import; anything else falls back to the single form.
  validateSearch: z.object({ mode: z._default(z.catch(z.enum(MODES), 'one'), 'one') }),
  search: { middlewares: [stripSearchParams({ mode: 'one' as Mode })] },
  component: RegisterPage,
});

function RegisterPage() {
  const { t } = useTranslation();
  const { app } = Route.useParams();
  const { mode } = Route.useSearch();
  const navigate = Route.useNavigate();
  const can = useCan();
  return (
    <>
      <PageTitle title={t('userRegister.title')} />
      {/* Registering is `POST users` (register-users.ts): support and admin only. Both panels stay
          mounted, so switching tabs loses nothing typed. */}
      {!can('post', 'users') ? (
        <RoleNotAllowed />
      ) : (
        <Tabs value={mode} onChange={(m) => void navigate({ search: { mode: (m as Mode) ?? 'one' }, replace: true })} keepMounted>
          <Tabs.List mb="md">
            <Tabs.Tab value="one">{t('userRegister.oneTitle')}</Tabs.Tab>
            <Tabs.Tab value="many">{t('userRegister.manyTab')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="one">
            <RegisterUserForm app={app} />
          </Tabs.Panel>
          <Tabs.Panel value="many">
            <ImportUsers app={app} />
          </Tabs.Panel>
        </Tabs>
      )}
    </>
  );
}
