import { Alert, Stack } from '@mantine/core';
import { createFileRoute } from '@tanstack/react-router';
import * as z from 'zod/mini';
import { useTranslation } from '@/lib/i18n/react';
import { PageTitle } from '@/routes/-components/page-title';
import { sameUser } from './-components/relationship-checks';
import { RelationshipForm } from './-components/relationship-form';
import { PairHeading, RelationshipReport } from './-components/relationship-report';

// The router reads `?a=123` as a number: take it back as the name it is. Blank means not given.
const username = z.catch(
  z.optional(
    z.pipe(
      z.union([z.string(), z.number()]),
      z.transform((v) => String(v).trim() || undefined),
    ),
  ),
  undefined,
);

// "Why can't A and B message each other?": both names in the URL, so a link or a reload shows the same check.
export const Route = createFileRoute('/$app/relationship')({
  validateSearch: z.object({ a: username, b: username }),
  component: RelationshipPage,
});

function RelationshipPage() {
  const { t } = useTranslation();
  const { app } = Route.useParams();
  const { a, b } = Route.useSearch();
  const navigate = Route.useNavigate();
  const same = a !== undefined && b !== undefined && sameUser(a, b);
  return (
    <>
      <PageTitle title={t('relationship.title')} description={t('relationship.description')} />
      {/* A new pair in the URL (Back, a link) starts the form again from it. */}
      <RelationshipForm key={`${a ?? ''}\u0000${b ?? ''}`} a={a} b={b} onSubmit={(pair) => void navigate({ search: pair })} />
      {same && (
        <Alert color="orange" role="status">
          {t('relationship.sameLink')}
        </Alert>
      )}
      {a && b && !same && (
        <Stack gap="md">
          <PairHeading app={app} a={a} b={b} />
          <RelationshipReport key={`${a}\u0000${b}`} app={app} a={a} b={b} />
        </Stack>
      )}
    </>
  );
}
