import { Button } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import type { BulkActionModalProps } from '@/components/bulk-runner/bulk-action-modal';
import { confirmAction, type ConfirmOptions } from '@/components/confirm-action/confirm-action';
import { DataTable } from '@/components/data-table/data-table';
import { queryStatus } from '@/components/data-table/query-status';
import { UserLink } from '@/components/user-link/user-link';
import { useTranslation } from '@/lib/i18n/react';
import { APP_RATE_LIMIT } from '@/lib/bulk/chunk';

const BulkActionModal = lazy(() => import('@/components/bulk-runner/bulk-action-modal').then((m) => ({ default: m.BulkActionModal })));

/** A batch action of the list, as the bulk dialog takes it (the list adds the chosen names, size and rate). */
export type NameListAction = Omit<BulkActionModalProps, 'opened' | 'onClose' | 'chunkSize' | 'rate' | 'initialItems'>;

type Props = {
  app: string;
  /** The table's accessible name. */
  label: string;
  list: UseQueryResult<string[]>;
  empty: { title: string; description: string };
  /**
   * Putting many names on the list; omitted when the operator's role may not. `dialog` instead of
   * `action`: a dialog of its own, mounted while open (the blacklist's block, which reads what its
   * Undo must put back).
   */
  add?: { label: string; color?: string } & ({ action: NameListAction } | { dialog: (close: () => void) => ReactNode });
  /** Taking names off: the selection, a pasted list, or one row after a confirmation; omitted when the role may not. */
  remove?: {
    selectedLabel: (count: number) => string;
    manyLabel: string;
    rowText: string;
    rowLabel: (username: string) => string;
    confirmRow: (username: string) => ConfirmOptions;
    action: NameListAction;
  };
  /** The endpoints' documented limit per call. */
  chunkSize: number;
  /** After a batch: refresh what it changed. */
  onFinished: () => void;
};

/**
 * A group's list of names (blacklist, whitelist): add many, remove the selection, a pasted list or
 * one row, each batch through the bulk dialog with its report and Undo.
 */
export function GroupNameListTable({ app, label, list, empty, add, remove, chunkSize, onFinished }: Props) {
  const { t } = useTranslation();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [open, setOpen] = useState<'add' | 'remove-selection' | 'remove-paste' | undefined>();
  const close = () => setOpen(undefined);
  const ownDialog = open === 'add' && add && 'dialog' in add ? add.dialog : undefined;
  const action = open === 'add' ? (add && 'action' in add ? add.action : undefined) : open ? remove?.action : undefined;

  return (
    <>
      <DataTable<string>
        aria-label={label}
        rows={list.data}
        getRowId={(u) => u}
        status={queryStatus(list)}
        empty={empty}
        selection={remove ? { selected, onChange: setSelected } : undefined}
        toolbar={
          <>
            {add && (
              <Button size="xs" color={add.color} variant="light" onClick={() => setOpen('add')}>
                {add.label}
              </Button>
            )}
            {/* The selection's button only once something is chosen. */}
            {remove && selected.size > 0 && (
              <Button size="xs" variant="default" onClick={() => setOpen('remove-selection')}>
                {remove.selectedLabel(selected.size)}
              </Button>
            )}
            {remove && (
              <Button size="xs" variant="default" onClick={() => setOpen('remove-paste')}>
                {remove.manyLabel}
              </Button>
            )}
          </>
        }
        columns={[
          { id: 'username', header: t('groupModeration.username'), cell: (u) => <UserLink app={app} username={u} /> },
          {
            id: 'actions',
            header: t('groupModeration.actions'),
            cell: (u) =>
              remove && (
                <Button size="compact-xs" variant="subtle" aria-label={remove.rowLabel(u)} onClick={() => confirmAction(remove.confirmRow(u))}>
                  {remove.rowText}
                </Button>
              ),
          },
        ]}
      />
      {ownDialog && <Suspense fallback={null}>{ownDialog(close)}</Suspense>}
      {action && (
        <Suspense fallback={null}>
          <BulkActionModal
            {...action}
            key={open}
            opened
            onClose={close}
            initialItems={open === 'remove-selection' ? [...selected] : undefined}
            chunkSize={chunkSize}
            rate={APP_RATE_LIMIT}
            onFinished={() => {
              setSelected(new Set());
              onFinished();
            }}
          />
        </Suspense>
      )}
    </>
  );
}
