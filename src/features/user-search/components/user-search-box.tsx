import { ActionIcon, CloseButton, Group, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { SearchIcon } from '@/components/icons/icons';
import { useTranslation } from '@/lib/i18n/react';
import { SEARCH_QUERY_MAX } from '../api/search-users';

type Props = {
  /** The query in the URL (`q`); the box follows it (Back, a shared link). */
  value: string | undefined;
  /** Searches for `q` (or clears the search with `undefined`). */
  onSearch: (q: string | undefined) => void;
  /**
   * An exact username still goes straight to the API, index or not: resolves to the user's name
   * when there is one (the page then opens it), to undefined when not.
   */
  findExact?: (q: string) => Promise<string | undefined>;
  onExact?: (username: string) => void;
};

/** The users list's search box: on the first screen, so it stays small (no results code here). */
export function UserSearchBox({ value, onSearch, findExact, onExact }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState(value ?? '');
  const [pending, setPending] = useState(false);
  // The URL changed under the box (Back, a link): show its query.
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setText(value ?? '');
  }
  const tooLong = text.trim().length > SEARCH_QUERY_MAX;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const q = text.trim();
    if (tooLong) return;
    if (!q) return onSearch(undefined);
    if (findExact && onExact) {
      setPending(true);
      // Not found, or the lookup failed: the index search still runs.
      const exact = await findExact(q).catch(() => undefined);
      setPending(false);
      if (exact) return onExact(exact);
    }
    onSearch(q);
  };

  return (
    <form role="search" aria-label={t('userSearchBox.label')} onSubmit={(e) => void submit(e)}>
      <Group gap="xs" align="flex-start" wrap="nowrap" mb="sm">
        <TextInput
          aria-label={t('userSearchBox.label')}
          placeholder={t('userSearchBox.placeholder')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          error={tooLong ? t('userSearchBox.tooLong', { max: SEARCH_QUERY_MAX }) : undefined}
          maw={360}
          style={{ flex: 1 }}
          rightSection={
            text ? (
              <CloseButton
                aria-label={t('userSearchBox.clear')}
                onClick={() => {
                  setText('');
                  if (value) onSearch(undefined);
                }}
              />
            ) : null
          }
        />
        <ActionIcon type="submit" size="lg" variant="default" aria-label={t('userSearchBox.submit')} loading={pending}>
          <SearchIcon />
        </ActionIcon>
      </Group>
    </form>
  );
}
