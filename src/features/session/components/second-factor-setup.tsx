import { Alert, Button, Checkbox, Code, CopyButton, Group, Image, List, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { isApiError } from '@/lib/api-client/api-error';
import { describeError } from '@/lib/api-client/describe-error';
import { downloadText } from '@/lib/csv/download';
import { useTranslation } from '@/lib/i18n/react';
import { useBeginSecondFactor, useConfirmSecondFactor } from '../api/second-factor';

type Props = {
  username: string;
  /** After the recovery codes were saved. */
  onDone: () => void;
};

/**
 * Setting up a TOTP app: scan the QR code (or type the key), confirm with the app's first code,
 * then save the ten recovery codes, shown only here.
 */
export function SecondFactorSetup({ username, onDone }: Props) {
  const { t } = useTranslation();
  const begin = useBeginSecondFactor();
  const confirm = useConfirmSecondFactor();
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string>();
  const [saved, setSaved] = useState(false);
  const failure = (error: unknown) => (isApiError(error) && error.description ? error.description : describeError(t, error));

  if (confirm.data) {
    const codes = confirm.data;
    return (
      <Stack gap="sm">
        <Alert color="blue" role="status" title={t('account.enrolledTitle')}>
          {t('account.recoveryIntro')}
        </Alert>
        <List aria-label={t('account.recoveryCodes')} spacing={4} listStyleType="none" ff="monospace">
          {codes.map((c) => (
            <List.Item key={c}>{c}</List.Item>
          ))}
        </List>
        <Group gap="xs">
          <CopyButton value={codes.join('\n')}>
            {({ copied, copy }) => (
              <Button size="xs" variant="default" onClick={copy}>
                {copied ? t('account.copied') : t('account.copyCodes')}
              </Button>
            )}
          </CopyButton>
          <Button size="xs" variant="default" onClick={() => downloadText(`im-console-recovery-codes-${username}.txt`, `${codes.join('\n')}\n`, 'text/plain;charset=utf-8')}>
            {t('account.downloadCodes')}
          </Button>
        </Group>
        <Checkbox label={t('account.savedCodes')} checked={saved} onChange={(e) => setSaved(e.currentTarget.checked)} />
        <Group>
          <Button disabled={!saved} onClick={onDone}>
            {t('account.done')}
          </Button>
        </Group>
      </Stack>
    );
  }

  if (!begin.data) {
    return (
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{t('account.setupIntro')}</Text>
        {begin.isError && (
          <Alert color="red" role="alert" w="100%">
            {failure(begin.error)}
          </Alert>
        )}
        <Button onClick={() => begin.mutate()} loading={begin.isPending}>
          {t('account.setup')}
        </Button>
      </Stack>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const typed = code.replace(/\s/g, '');
    if (!/^\d{6}$/.test(typed)) return setCodeError(t('account.codeShape'));
    setCodeError(undefined);
    confirm.mutate(typed);
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('account.setupTitle')}>
      <Stack gap="sm">
        <Text size="sm">{t('account.scan')}</Text>
        {/* The server draws the QR code; an <img> shows the SVG without running anything in it. */}
        <Image src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(begin.data.qrSvg)}`} alt={t('account.qrAlt')} w={200} h={200} />
        <Text size="sm">
          {t('account.typeKey')} <Code aria-label={t('account.key')}>{begin.data.secret}</Code>
        </Text>
        {confirm.isError && (
          <Alert color="red" role="alert">
            {failure(confirm.error)}
          </Alert>
        )}
        <TextInput
          label={t('account.firstCode')}
          name="one-time-code"
          autoComplete="one-time-code"
          inputMode="numeric"
          maxLength={7}
          required
          value={code}
          error={codeError}
          onChange={(e) => setCode(e.currentTarget.value)}
          w={200}
        />
        <Group>
          <Button type="submit" loading={confirm.isPending}>
            {t('account.confirm')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
