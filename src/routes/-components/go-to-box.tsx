import { ActionIcon, Box, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useClickOutside } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { SearchIcon } from '@/components/icons/icons';
import { groupQueryOptions } from '@/features/groups/api/get-group';
import { userQueryOptions } from '@/features/users/api/get-user';
import { isApiError } from '@/lib/api-client/api-error';
import { describeError } from '@/lib/api-client/describe-error';
import { RouterAnchor } from './router-anchor';

type Outcome =
  | { kind: 'idle' }
  | { kind: 'searching' }
  | { kind: 'none' }
  | { kind: 'both'; username: string; groupId: string; groupName: string }
  | { kind: 'error'; error: unknown };

const isNotFound = (e: unknown) => isApiError(e) && e.status === 404;

/** Type a username or a group ID and open it; both are looked up, since either may be numeric. */
export function GoToBox({ app }: { app: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const q = query.trim();
    if (!q) return;
    setOutcome({ kind: 'searching' });
    const [user, group] = await Promise.allSettled([
      queryClient.fetchQuery(userQueryOptions(app, q.toLowerCase())),
      queryClient.fetchQuery(groupQueryOptions(app, q)),
    ]);
    const failure = [user, group].find((r) => r.status === 'rejected' && !isNotFound(r.reason));
    if (user.status === 'fulfilled' && group.status === 'fulfilled') {
      setOutcome({ kind: 'both', username: user.value.username, groupId: group.value.id, groupName: group.value.name });
    } else if (user.status === 'fulfilled') {
      setOutcome({ kind: 'idle' });
      setQuery('');
      void navigate({ to: '/$app/users/$username', params: { app, username: user.value.username } });
    } else if (group.status === 'fulfilled') {
      setOutcome({ kind: 'idle' });
      setQuery('');
      void navigate({ to: '/$app/groups/$groupId', params: { app, groupId: group.value.id } });
    } else if (failure?.status === 'rejected') {
      setOutcome({ kind: 'error', error: failure.reason });
    } else {
      setOutcome({ kind: 'none' });
    }
  };

  const message =
    outcome.kind === 'searching'
      ? t('goTo.searching', { query: query.trim() })
      : outcome.kind === 'none'
        ? t('goTo.notFound', { query: query.trim() })
        : outcome.kind === 'error'
          ? describeError(t, outcome.error)
          : undefined;
  const close = () => setOutcome({ kind: 'idle' });
  const ref = useClickOutside<HTMLDivElement>(close);

  // A panel placed under the box rather than a Popover: the header is on every page, and the
  // floating-position code would weigh on the first screen for a one-line answer.
  return (
    <Box ref={ref} pos="relative">
      <form role="search" aria-label={t('goTo.label')} onSubmit={(e) => void submit(e)}>
        <TextInput
          aria-label={t('goTo.label')}
          placeholder={t('goTo.placeholder')}
          value={query}
          onChange={(e) => {
            setQuery(e.currentTarget.value);
            if (outcome.kind !== 'searching') close();
          }}
          onKeyDown={(e) => e.key === 'Escape' && close()}
          rightSection={
            <ActionIcon type="submit" variant="subtle" aria-label={t('goTo.submit')} loading={outcome.kind === 'searching'}>
              <SearchIcon />
            </ActionIcon>
          }
          w={{ base: 180, md: 260 }}
        />
      </form>
      {outcome.kind !== 'idle' && (
        <Paper withBorder shadow="md" p="sm" pos="absolute" top="calc(100% + 4px)" left={0} right={0} style={{ zIndex: 'var(--mantine-z-index-popover)' }}>
          {outcome.kind === 'both' ? (
            <Stack gap={4}>
              <Text size="sm">{t('goTo.both', { query: query.trim() })}</Text>
              <Group gap="md">
                <RouterAnchor to="/$app/users/$username" params={{ app, username: outcome.username }} onClick={close}>
                  {t('goTo.user', { name: outcome.username })}
                </RouterAnchor>
                <RouterAnchor to="/$app/groups/$groupId" params={{ app, groupId: outcome.groupId }} onClick={close}>
                  {t('goTo.group', { name: outcome.groupName })}
                </RouterAnchor>
              </Group>
            </Stack>
          ) : (
            <Text size="sm" role="status">
              {message}
            </Text>
          )}
        </Paper>
      )}
    </Box>
  );
}
