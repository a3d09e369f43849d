import { Modal } from '@mantine/core';
import { useTranslation } from '@/lib/i18n/react';
import { ConfirmBody } from './confirm-action';
import { closeConfirm, type ConfirmRequest } from './confirm-store';

/** The modal around ConfirmBody; loaded on the first confirmation. */
export default function ConfirmDialog({ request }: { request: ConfirmRequest }) {
  const { t } = useTranslation();
  const close = () => closeConfirm(request.id);
  return (
    <Modal opened onClose={close} title={request.title} closeButtonProps={{ 'aria-label': t('common.closeDialog') }}>
      <ConfirmBody {...request} onConfirmed={close} onCancel={close} />
    </Modal>
  );
}
