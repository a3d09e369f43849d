import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';
import { isAdminSession, useSessionState } from '@/lib/session/session-store';
import { PageTitle } from './page-title';

type Props = {
  /** The page's title, shown to everyone. */
  title: string;
  /** What a signed-in operator who is no admin reads instead of the page. */
  note: string;
  children: ReactNode;
};

/**
 * An admin-only page (the audit log, the operators): others who open its URL get its title and a
 * note. The server refuses them too; the navigation hides the link from them.
 */
export function AdminOnly({ title, note, children }: Props) {
  const session = useSessionState();
  if (session.status === 'signed-in' && !isAdminSession(session)) {
    return (
      <>
        <PageTitle title={title} />
        <Alert color="yellow" role="status">
          {note}
        </Alert>
      </>
    );
  }
  return children;
}
