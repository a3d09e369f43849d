import { NativeSelect } from '@mantine/core';
import { ROLES } from '@contract/roles';
import { roleName } from '@/lib/api-client/describe-error';
import { useTranslation } from '@/lib/i18n/react';

type Props = {
  value: string;
  onChange: (role: string) => void;
  'data-autofocus'?: boolean;
};

/** An operator's role, from the contract's list, in words. */
export function RoleSelect({ value, onChange, ...rest }: Props) {
  const { t } = useTranslation();
  return (
    <NativeSelect label={t('operators.role')} value={value} onChange={(e) => onChange(e.currentTarget.value)} data={ROLES.map((r) => ({ value: r, label: roleName(t, r) }))} {...rest} />
  );
}
