import { Divider, Stack, Text, Title } from '@mantine/core';
import { createFileRoute } from '@tanstack/react-router';
import { useId } from 'react';
import * as z from 'zod/mini';
import { useTranslation } from '@/lib/i18n/react';
import { memberAttributesQueryOptions } from '@/features/groups/api/get-member-attributes';
import { GroupAttributesAcross } from '@/features/groups/components/group-attributes-across';
import { GroupAttributesMember } from '@/features/groups/components/group-attributes-member';
import { waitBriefly } from '@/lib/query/wait-briefly';

// The member in view is in the URL (`?member=alice`), so a link opens their attributes; anything
// that is not a username is dropped rather than sent.
const attributesSearch = z.object({
  member: z.catch(z.optional(z.string().check(z.regex(/^[A-Za-z0-9_.-]{1,64}$/))), undefined),
});

export const Route = createFileRoute('/$app/groups/$groupId/attributes')({
  validateSearch: attributesSearch,
  loaderDeps: ({ search }) => ({ member: search.member }),
  loader: ({ cause, context, params, deps }) => {
    if (deps.member) return waitBriefly(cause, params.app, [context.queryClient.prefetchQuery(memberAttributesQueryOptions(params.app, params.groupId, deps.member.toLowerCase()))]);
  },
  component: AttributesSection,
});

function AttributesSection() {
  const { t } = useTranslation();
  const { app, groupId } = Route.useParams();
  const { member } = Route.useSearch();
  const navigate = Route.useNavigate();
  const current = member?.toLowerCase();
  const headingId = useId();
  return (
    <Stack gap="lg" component="section" aria-labelledby={headingId}>
      <div>
        <Title order={2} id={headingId}>
          {t('groupAttributes.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('groupAttributes.description')}
        </Text>
      </div>
      <Stack gap="md">
        <Title order={3}>{t('groupAttributes.memberHeading')}</Title>
        {/* Keyed by the URL's member, so Back and a pasted link refill the field. */}
        <GroupAttributesMember key={current ?? ''} app={app} groupId={groupId} member={current} onMember={(m) => void navigate({ search: { member: m } })} />
      </Stack>
      <Divider />
      <GroupAttributesAcross app={app} groupId={groupId} />
    </Stack>
  );
}
