import { lazy, Suspense } from 'react';
import { useConfirmRequest } from './confirm-store';

const ConfirmDialog = lazy(() => import('./confirm-dialog'));

/** Mounted once by the app: shows the open confirmation, if any (see `confirmAction`). */
export function ConfirmHost() {
  const request = useConfirmRequest();
  return request ? (
    <Suspense fallback={null}>
      <ConfirmDialog key={request.id} request={request} />
    </Suspense>
  ) : null;
}
