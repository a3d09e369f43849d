import { ActionIcon, Box, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useClickOutside, useDebouncedValue } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { SearchIcon } from '@/components/icons/icons';
import { groupQueryOptions } from '@/features/groups/api/get-group';
import { userQueryOptions } from '@/features/users/api/get-user';
import { searchUsersQueryOptions } from '@/features/user-search/api/search-users';
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

/** Matches from the user index shown as one types (issue 15). */
const SUGGEST_MIN = 2;
const SUGGEST_LIMIT = 8;
const SUGGEST_DELAY_MS = 300;

/** Type a username or a group ID and open it; both are looked up, since either may be numeric. */
export function GoToBox({ app }: { app: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const [typed] = useDebouncedValue(query.trim(), SUGGEST_DELAY_MS);
  const [dismissed, setDismissed] = useState(false);
  // No index, a role without search, a failure: no suggestions, and the box works as before.
  const suggestions = useQuery({
    ...searchUsersQueryOptions(app, { q: typed, limit: SUGGEST_LIMIT }),
    enabled: typed.length >= SUGGEST_MIN,
    placeholderData: undefined,
  });
  const matches = typed.length >= SUGGEST_MIN && !dismissed && outcome.kind === 'idle' ? (suggestions.data?.users ?? []) : [];

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
  const close = () => {
    setOutcome({ kind: 'idle' });
    setDismissed(true);
  };
  const open = () => {
    close();
    setQuery('');
  };
  const ref = useClickOutside<HTMLDivElement>(close);
  const suggestId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  // Arrow keys walk from the box into the suggestions and between them; Escape goes back to the box.
  const links = () => [...(listRef.current?.querySelectorAll<HTMLAnchorElement>('a') ?? [])];
  const onListKeyDown = (e: KeyboardEvent) => {
    const all = links();
    const at = all.indexOf(document.activeElement as HTMLAnchorElement);
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = e.key === 'ArrowDown' ? at + 1 : at - 1;
      if (next < 0) inputRef.current?.focus();
      else all[Math.min(next, all.length - 1)]?.focus();
    } else if (e.key === 'Escape') {
      inputRef.current?.focus();
      close();
    }
  };

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
            setDismissed(false);
            if (outcome.kind !== 'searching') setOutcome({ kind: 'idle' });
          }}
          ref={inputRef}
          onKeyDown={(e) => {
            if (e.key === 'Escape') close();
            else if (e.key === 'ArrowDown' && matches.length > 0) {
              e.preventDefault();
              links()[0]?.focus();
            }
          }}
          rightSection={
            <ActionIcon type="submit" variant="subtle" aria-label={t('goTo.submit')} loading={outcome.kind === 'searching'}>
              <SearchIcon />
            </ActionIcon>
          }
          w={{ base: 180, md: 260 }}
        />
      </form>
      {matches.length > 0 && (
        <Paper
          ref={listRef}
          onKeyDown={onListKeyDown}
          withBorder
          shadow="md"
          p="xs"
          pos="absolute"
          top="calc(100% + 4px)"
          left={0}
          right={0}
          style={{ zIndex: 'var(--mantine-z-index-popover)' }}
        >
          <Text size="xs" c="dimmed" id={suggestId}>
            {t('userSearchBox.suggestions', { query: typed })}
          </Text>
          <Stack component="ul" gap={2} m={0} p={0} aria-labelledby={suggestId} style={{ listStyle: 'none' }}>
            {matches.map((u) => (
              <li key={u.username}>
                <RouterAnchor to="/$app/users/$username" params={{ app, username: u.username }} onClick={open} size="sm">
                  {u.username}
                  {u.nickname && (
                    <Text span size="xs" c="dimmed" ml={6}>
                      {u.nickname}
                    </Text>
                  )}
                </RouterAnchor>
              </li>
            ))}
            {suggestions.data?.cursor && (
              <li>
                <RouterAnchor to="/$app/users" params={{ app }} search={{ q: typed }} onClick={open} size="xs">
                  {t('userSearchBox.suggestionsMore')}
                </RouterAnchor>
              </li>
            )}
          </Stack>
        </Paper>
      )}
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
