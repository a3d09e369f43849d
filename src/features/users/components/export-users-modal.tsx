import { Alert, Button, Group, Modal, Progress, Stack, Text } from '@mantine/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { getUsers, USERS_PAGE } from '@/features/users/api/get-users';
import { describeError } from '@/lib/api-client/describe-error';
import { nextCursor, type UserEntity } from '@/lib/api-client/schemas';
import { downloadUsersCsv } from './export-users-csv';

type Props = { app: string; onClose: () => void };

type Walk =
  | { phase: 'running'; users: number; pages: number }
  | { phase: 'failed'; users: number; pages: number; error: unknown }
  | { phase: 'done'; users: number; pages: number; fileName: string };

/**
 * Walks `GET /users` 100 at a time until there is no cursor, then saves the CSV. Cancel stops
 * between pages; a failed page can be tried again from where it stopped, or what was fetched
 * saved as is. Mounted only while open.
 */
export function ExportUsersModal({ app, onClose }: Props) {
  const { t } = useTranslation();
  const [walk, setWalk] = useState<Walk>({ phase: 'running', users: 0, pages: 0 });
  const users = useRef<UserEntity[]>([]);
  const pages = useRef(0);
  // Where to go on from after a failure; `undefined` with `pages > 0` means the walk finished.
  const resumeFrom = useRef<string | undefined>(undefined);
  const controller = useRef<AbortController | undefined>(undefined);

  const run = useCallback(async () => {
    const ctl = new AbortController();
    controller.current = ctl;
    const seen = new Set<string>();
    let cursor = resumeFrom.current;
    setWalk({ phase: 'running', users: users.current.length, pages: pages.current });
    try {
      do {
        const page = await getUsers(app, { limit: USERS_PAGE.max, cursor }, ctl.signal);
        if (ctl.signal.aborted) return;
        users.current.push(...page.entities);
        pages.current++;
        cursor = nextCursor(page.cursor);
        // A service that hands back a cursor it gave before would loop forever.
        if (cursor !== undefined && seen.has(cursor)) cursor = undefined;
        if (cursor !== undefined) seen.add(cursor);
        resumeFrom.current = cursor;
        setWalk({ phase: 'running', users: users.current.length, pages: pages.current });
      } while (cursor !== undefined);
      const fileName = await downloadUsersCsv(app, users.current);
      if (!ctl.signal.aborted) setWalk({ phase: 'done', users: users.current.length, pages: pages.current, fileName });
    } catch (error) {
      if (!ctl.signal.aborted) setWalk({ phase: 'failed', users: users.current.length, pages: pages.current, error });
    }
  }, [app]);

  useEffect(() => {
    // Start afresh on mount (twice under StrictMode: the first walk is aborted and forgotten).
    users.current = [];
    pages.current = 0;
    resumeFrom.current = undefined;
    void run();
    return () => controller.current?.abort();
  }, [run]);

  const cancel = () => {
    controller.current?.abort();
    onClose();
  };

  const saveSoFar = async () => {
    const fileName = await downloadUsersCsv(app, users.current);
    setWalk({ phase: 'done', users: users.current.length, pages: pages.current, fileName });
  };

  const running = walk.phase === 'running';
  return (
    <Modal
      opened
      onClose={cancel}
      title={t('userRegister.exportAllTitle')}
      closeButtonProps={{ 'aria-label': t('common.closeDialog') }}
      closeOnClickOutside={!running}
    >
      <Stack>
        <Progress
          value={100}
          animated={running}
          striped={running}
          color={walk.phase === 'failed' ? 'red' : walk.phase === 'done' ? 'green' : undefined}
          aria-label={t('userRegister.exportProgress')}
        />
        <Text size="sm" role="status" aria-live="polite">
          {walk.phase === 'done'
            ? t('userRegister.exportDone', { count: walk.users, file: walk.fileName })
            : t('userRegister.exportSoFar', { count: walk.users, pages: walk.pages })}
        </Text>
        {walk.phase === 'failed' && (
          <Alert color="red" role="alert" title={t('userRegister.exportStopped')}>
            {describeError(t, walk.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          {running && (
            <Button variant="default" color="red" onClick={cancel}>
              {t('common.cancel')}
            </Button>
          )}
          {walk.phase === 'failed' && (
            <>
              {walk.users > 0 && (
                <Button variant="default" onClick={() => void saveSoFar()}>
                  {t('userRegister.exportSaveSoFar', { count: walk.users })}
                </Button>
              )}
              <Button onClick={() => void run()}>{t('userRegister.exportResume')}</Button>
            </>
          )}
          {walk.phase === 'done' && (
            <>
              <Button variant="default" onClick={() => void downloadUsersCsv(app, users.current)}>
                {t('userRegister.exportAgain')}
              </Button>
              <Button onClick={onClose}>{t('userRegister.close')}</Button>
            </>
          )}
          {walk.phase === 'failed' && (
            <Button variant="default" onClick={onClose}>
              {t('userRegister.close')}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
