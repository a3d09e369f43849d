import '@mantine/spotlight/styles.css';
import { Group, Modal, Text, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { createSpotlight, Spotlight } from '@mantine/spotlight';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { SearchIcon } from '@/components/icons/icons';
import { describeError } from '@/lib/api-client/describe-error';
import { useTranslation } from '@/lib/i18n/react';
import { isAdminSession, useCan, useSessionState } from '@/lib/session/session-store';
import { paletteKeys } from '../api/keys';
import { buildSections, type PaletteItem } from '../palette-items';
import {
  looksLikeGroupId,
  looksLikeUsername,
  matchGroups,
  mergeWords,
  parseCommand,
  withExact,
  type Command,
  type PalettePage,
  type PaletteSources,
  type PaletteTarget,
  type Verb,
} from '../palette-model';

export type CommandPaletteProps = {
  app: string;
  opened: boolean;
  /** Escape, a click outside, or a result chosen. */
  onClose: () => void;
  /** The text to start with (a key typed on the header's box before the palette was there). */
  initialQuery?: string;
  sources: PaletteSources;
  onNavigate: (target: PaletteTarget) => void;
};

/** Lookups wait for a pause in the typing. */
const TYPING_PAUSE_MS = 150;
const INDEX_POLL_MS = 3_000;
const first = (words: string) => words.split(',')[0]!.trim();

/**
 * Users, groups, pages and actions in one box (Ctrl+K / ⌘K). Mantine's spotlight gives the dialog,
 * the arrow keys and Enter; this adds the combobox semantics a screen reader needs, and Enter
 * typed before the lookups answered waits for them instead of opening a stale result.
 */
export default function CommandPalette({ app, opened, onClose, initialQuery, sources, onNavigate }: CommandPaletteProps) {
  const { t } = useTranslation();
  const [[store, spotlight]] = useState(createSpotlight);
  // The option the arrows chose, kept here rather than in the spotlight's store (which changes it
  // without telling React): the keys below move it, and the options and the combobox render it.
  const [chosenId, setChosenId] = useState<string | undefined>();
  const [query, setQuery] = useState('');
  const [typed] = useDebouncedValue(query, TYPING_PAUSE_MS);
  const inputRef = useRef<HTMLInputElement>(null);

  // What the role may do: the calls each action ends in (the endpoint files' paths).
  const session = useSessionState();
  const can = useCan();
  const may: Record<Verb, boolean> = {
    ban: can('post', 'users/{username}/deactivate'),
    unban: can('post', 'users/{username}/activate'),
    disconnect: can('get', 'users/{username}/disconnect'),
    mute: can('post', 'chatgroups/{group}/mute'),
  };
  const admin = isAdminSession(session);
  const pages: { page: PalettePage; label: string }[] = [
    { page: 'users', label: t('nav.users') },
    { page: 'groups', label: t('nav.groups') },
    ...(can('post', 'users') ? [{ page: 'register' as const, label: t('userRegister.title') }] : []),
    { page: 'relationship', label: t('nav.relationship') },
    ...(admin ? [{ page: 'audit' as const, label: t('session.navAudit') }, { page: 'search-settings' as const, label: t('userSearchBox.navSettings') }] : []),
  ];

  const words = useMemo(
    () =>
      mergeWords({
        ban: t('commandPalette.verbBan'),
        unban: t('commandPalette.verbUnban'),
        disconnect: t('commandPalette.verbDisconnect'),
        mute: t('commandPalette.verbMute'),
        in: t('commandPalette.wordIn'),
      }),
    [t],
  );
  const verbs: Record<Verb, string> = {
    ban: first(t('commandPalette.verbBan')),
    unban: first(t('commandPalette.verbUnban')),
    disconnect: first(t('commandPalette.verbDisconnect')),
    mute: first(t('commandPalette.verbMute')),
  };

  // A verb the role lacks is no command: the words are searched like any others.
  const parsed = parseCommand(typed, words);
  const command: Command = parsed.kind === 'find' || may[parsed.kind === 'mute' ? 'mute' : parsed.verb] ? parsed : { kind: 'find', text: typed.trim() };
  const userText = command.kind === 'find' ? command.text : command.user;
  const groupText = command.kind === 'find' ? command.text : command.kind === 'mute' ? command.group : undefined;
  const exactName = userText.toLowerCase();

  const users = useQuery({
    queryKey: paletteKeys.users(app, userText),
    queryFn: () => sources.searchUsers(userText),
    enabled: opened && userText !== '',
    staleTime: 0,
    // While the index is being built, the matches grow: asked again until it is done.
    refetchInterval: (q) => (q.state.data && q.state.data.index !== 'complete' ? INDEX_POLL_MS : false),
  });
  // Data cannot be undefined in a query: null is "no such user/group".
  const exactUser = useQuery({
    queryKey: paletteKeys.user(app, exactName),
    queryFn: async () => (await sources.findUser(exactName)) ?? null,
    enabled: opened && looksLikeUsername(exactName),
    staleTime: 0,
  });
  const exactGroup = useQuery({
    queryKey: paletteKeys.group(app, groupText ?? ''),
    queryFn: async () => (await sources.findGroup(groupText ?? '')) ?? null,
    enabled: opened && groupText !== undefined && looksLikeGroupId(groupText),
    staleTime: 0,
  });
  const groupList = useQuery({
    queryKey: paletteKeys.groups(app),
    queryFn: () => sources.listGroups(),
    enabled: opened && groupText !== undefined && (groupText !== '' || command.kind === 'mute'),
    staleTime: 60_000,
  });
  const lookups = [users, exactUser, exactGroup, groupList];

  const foundUser = exactUser.data ?? undefined;
  const foundGroup = exactGroup.data ?? undefined;
  const sections = buildSections({
    t,
    command,
    verbs,
    words,
    inWord: first(t('commandPalette.wordIn')),
    may,
    pages,
    exactUser: foundUser,
    users: withExact(foundUser, users.data?.users ?? [], (a, b) => a.username === b.username),
    moreUsers: users.data?.more ?? false,
    exactGroup: foundGroup,
    groups: withExact(foundGroup, groupText === undefined ? [] : matchGroups(groupList.data?.groups ?? [], groupText), (a, b) => a.id === b.id),
  });
  const items = sections.flatMap((s) => s.items);
  const settled = query === typed && !lookups.some((q) => q.isFetching);

  // Each opening starts afresh (a key typed on the header's box is the first letter): reset while
  // rendering the opening, as React advises for state that follows a prop. The spotlight's own
  // clearing waits for a closing transition that tests skip.
  // False at first: the palette may mount already open (the first Ctrl+K loads it).
  const [wasOpened, setWasOpened] = useState(false);
  if (opened !== wasOpened) {
    setWasOpened(opened);
    if (opened) {
      setQuery(initialQuery ?? '');
      setChosenId(undefined);
    }
  }
  useEffect(() => {
    if (opened) spotlight.open();
    else spotlight.close();
  }, [opened, spotlight]);

  // The active option: the first result, unless the arrows chose another that is still there.
  const chosen = chosenId === undefined ? -1 : items.findIndex((i) => i.id === chosenId);
  const selected = chosen >= 0 ? chosen : items.length > 0 ? 0 : -1;
  const listId = `palette-${useId().replace(/[^\w-]/g, '')}`;
  const optionId = (i: number) => `${listId}-${i}`;
  const activeId = selected >= 0 ? optionId(selected) : undefined;
  useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView({ block: 'nearest' });
  }, [activeId]);

  const changeQuery = (q: string) => {
    setQuery(q);
    setChosenId(undefined);
  };
  const activate = (item: PaletteItem) => {
    if (item.fill !== undefined) {
      changeQuery(item.fill);
      inputRef.current?.focus();
    } else if (item.target) {
      onNavigate(item.target);
    }
  };
  /** Enter: what a click on the option does, closing included. */
  const run = (item: PaletteItem | undefined) => {
    if (!item) return;
    activate(item);
    if (item.target) spotlight.close();
  };

  // Enter before the lookups for the latest text answered: held until they have.
  const pendingEnter = useRef(false);
  useEffect(() => {
    if (!settled || !pendingEnter.current) return;
    pendingEnter.current = false;
    run(items[selected]);
  });
  // The arrows and Enter, instead of the spotlight's own handlers (stopped here, before they run).
  const onKeys = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.isComposing) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      e.stopPropagation();
      if (items.length === 0) return;
      const next = e.key === 'ArrowDown' ? (selected + 1) % items.length : selected <= 0 ? items.length - 1 : selected - 1;
      setChosenId(items[next]!.id);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      e.stopPropagation();
      if (settled) run(items[selected]);
      else pendingEnter.current = true;
    }
  };

  const errors = [...new Set(lookups.filter((q) => q.isError).map((q) => describeError(t, q.error)))];
  const index = users.data?.index;
  const status = [
    !settled ? t('commandPalette.searching') : typed.trim() && items.length === 0 ? t('commandPalette.nothing', { query: typed.trim() }) : t('commandPalette.results', { count: items.length }),
    index === 'building' ? t('commandPalette.indexBuilding') : index === 'none' ? t('commandPalette.noIndex') : undefined,
    groupList.data?.cappedAt && groupText ? t('commandPalette.groupsCapped', { count: groupList.data.cappedAt }) : undefined,
    ...errors,
  ].filter(Boolean);

  const position = new Map(items.map((item, i) => [item.id, i]));
  return (
    <Spotlight.Root
      store={store}
      query={query}
      onQueryChange={changeQuery}
      // The launcher owns the shortcut: it must work before this code is loaded.
      shortcut={null}
      onSpotlightClose={onClose}
      scrollable
      maxHeight="min(560px, calc(100dvh - 160px))"
    >
      <VisuallyHidden>
        <Modal.Title>{t('commandPalette.title')}</Modal.Title>
      </VisuallyHidden>
      <Spotlight.Search
        ref={inputRef}
        data-autofocus
        aria-label={t('commandPalette.search')}
        placeholder={t('commandPalette.placeholder')}
        leftSection={<SearchIcon />}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={items.length > 0}
        aria-controls={items.length > 0 ? listId : undefined}
        aria-activedescendant={activeId}
        onKeyDownCapture={onKeys}
      />
      {items.length > 0 && (
        <Spotlight.ActionsList id={listId} role="listbox" aria-label={t('commandPalette.search')}>
          {sections.map((section) => (
            <Spotlight.ActionsGroup key={section.id} label={section.label} role="group" aria-label={section.label}>
              {section.items.map((item) => {
                const i = position.get(item.id)!;
                return (
                  <Spotlight.Action
                    key={item.id}
                    // The spotlight keeps `id` for itself; the combobox needs it on the option.
                    ref={(el: HTMLButtonElement | null) => {
                      if (el) el.id = optionId(i);
                    }}
                    role="option"
                    aria-selected={i === selected}
                    data-selected={i === selected || undefined}
                    // The note under the label at full strength: 70% white on the active option fails contrast.
                    style={{ '--action-description-opacity': 1 } as CSSProperties}
                    label={item.label}
                    description={item.description}
                    // The label and its note are two spans: named together, with a pause between.
                    aria-label={item.description ? `${item.label}, ${item.description}` : item.label}
                    // The next step of a command keeps the palette open.
                    closeSpotlightOnTrigger={item.target ? undefined : false}
                    onClick={() => activate(item)}
                  />
                );
              })}
            </Spotlight.ActionsGroup>
          ))}
        </Spotlight.ActionsList>
      )}
      <Spotlight.Footer>
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Text size="xs" role="status">
            {status.join(' ')}
          </Text>
          <Text size="xs" c="dimmed" visibleFrom="sm" style={{ whiteSpace: 'nowrap' }}>
            {t('commandPalette.keys')}
          </Text>
        </Group>
      </Spotlight.Footer>
    </Spotlight.Root>
  );
}
