import { Stack, Text } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import type { ComponentType } from 'react';
import { useGroup } from '@/features/groups/api/get-group';
import { useTranslation } from '@/lib/i18n/react';
import type { TKey } from '@/lib/i18n/translate';

type Props = {
  /** What the list means for its members. */
  intro: TKey;
  /** The list's table (each route passes its own, so each loads only its own). */
  Table: ComponentType<{ app: string; groupId: string; groupName: string }>;
};

/** A group's blacklist or whitelist section: what the list means, then the list. */
export function NameListSection({ intro, Table }: Props) {
  const { t } = useTranslation();
  const { app, groupId } = useParams({ from: '/$app/groups/$groupId' });
  const group = useGroup(app, groupId);
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t(intro)}
      </Text>
      <Table app={app} groupId={groupId} groupName={group.data?.name ?? groupId} />
    </Stack>
  );
}
