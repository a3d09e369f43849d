import { Alert, Button, Group, Radio, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { notify } from '@/lib/notify/notify';
import { PUSH_NICKNAME_MAX, useUpdatePushSettings, type PushSettings } from '@/features/users/api/update-push-settings';
import { describeError } from '@/lib/api-client/describe-error';
import type { UserEntity } from '@/lib/api-client/schemas';

type Props = {
  app: string;
  username: string;
  user: UserEntity;
  /** After every changed setting was saved. */
  onDone?: () => void;
  onCancel?: () => void;
};

export type PushValues = { nickname: string; style: '' | '0' | '1'; dnd: boolean; start: string; end: string };

/** A whole hour 0–23, as typed: digits only, so "7.5", "-1" and "1e1" are refused. */
export function parseHour(text: string): number | undefined {
  const s = text.trim();
  if (!/^\d{1,2}$/.test(s)) return undefined;
  const n = Number(s);
  return n <= 23 ? n : undefined;
}

export function valuesOf(user: UserEntity): PushValues {
  const style = user.notification_display_style;
  return {
    nickname: user.nickname ?? '',
    style: style === 0 || style === 1 ? (String(style) as '0' | '1') : '',
    dnd: user.notification_no_disturbing ?? false,
    start: user.notification_no_disturbing_start?.toString() ?? '',
    end: user.notification_no_disturbing_end?.toString() ?? '',
  };
}

type PushErrors = { nickname?: boolean; start?: boolean; end?: boolean };

export function validatePush(v: PushValues): PushErrors {
  return {
    nickname: v.nickname.length > PUSH_NICKNAME_MAX || undefined,
    // Hours matter only while do-not-disturb is on (the fields are disabled otherwise).
    start: (v.dnd && parseHour(v.start) === undefined) || undefined,
    end: (v.dnd && parseHour(v.end) === undefined) || undefined,
  };
}

/** The API takes three separate bodies: one PUT per group of settings that changed. */
export function changedSettings(v: PushValues, user: UserEntity): PushSettings[] {
  const was = valuesOf(user);
  const out: PushSettings[] = [];
  if (v.nickname !== was.nickname) out.push({ nickname: v.nickname });
  if (v.style !== '' && v.style !== was.style) out.push({ notification_display_style: v.style === '1' ? 1 : 0 });
  const hoursChanged = v.dnd && (v.start.trim() !== was.start || v.end.trim() !== was.end);
  if (v.dnd !== was.dnd || hoursChanged) {
    // Turning it off still needs hours in the body: keep the stored ones (or the typed ones when valid).
    const hour = (typed: string, stored: number | undefined) => parseHour(typed) ?? stored ?? 0;
    out.push({
      notification_no_disturbing: v.dnd,
      notification_no_disturbing_start: hour(v.start, user.notification_no_disturbing_start),
      notification_no_disturbing_end: hour(v.end, user.notification_no_disturbing_end),
    });
  }
  return out;
}

/** Push nickname, display style and do-not-disturb hours, checked before anything is sent. */
export function PushSettingsForm({ app, username, user, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const update = useUpdatePushSettings(app, username);
  const [values, setValues] = useState<PushValues>(() => valuesOf(user));
  const [submitted, setSubmitted] = useState(false);
  const [outcome, setOutcome] = useState<{ kind: 'nothing' } | { kind: 'failed'; message: string; partly: boolean } | undefined>();
  const errors = validatePush(values);
  const set = (patch: Partial<PushValues>) => {
    setValues((v) => ({ ...v, ...patch }));
    setOutcome(undefined);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (errors.nickname || errors.start || errors.end) return;
    const changes = changedSettings(values, user);
    if (changes.length === 0) {
      setOutcome({ kind: 'nothing' });
      return;
    }
    let saved = 0;
    for (const settings of changes) {
      try {
        await update.mutateAsync(settings);
        saved++;
      } catch (err) {
        // This mutation handles its own errors: said here, next to the fields, which keep their values.
        setOutcome({ kind: 'failed', message: describeError(t, err), partly: saved > 0 });
        return;
      }
    }
    setSubmitted(false);
    notify({ color: 'green', message: t('userActions.pushSaved', { username }) });
    onDone?.();
  };

  const hourError = (bad: boolean | undefined) => (submitted && bad ? t('userPage.hourInvalid') : undefined);

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack>
        <TextInput
          label={t('userPage.nickname')}
          description={t('userPage.nicknameHint')}
          value={values.nickname}
          onChange={(e) => set({ nickname: e.currentTarget.value })}
          error={errors.nickname ? t('userPage.nicknameTooLong', { max: PUSH_NICKNAME_MAX, count: values.nickname.length }) : undefined}
          data-autofocus
        />
        <Radio.Group label={t('userPage.displayStyle')} value={values.style} onChange={(style) => set({ style: style as PushValues['style'] })}>
          <Group mt="xs">
            <Radio value="0" label={t('userPage.displayStyle0')} />
            <Radio value="1" label={t('userPage.displayStyle1')} />
          </Group>
        </Radio.Group>
        <Switch label={t('userPage.noDisturbingSwitch')} checked={values.dnd} onChange={(e) => set({ dnd: e.currentTarget.checked })} />
        <Group grow align="flex-start">
          <TextInput
            label={t('userPage.dndStart')}
            description={t('userPage.hourHint')}
            inputMode="numeric"
            value={values.start}
            disabled={!values.dnd}
            onChange={(e) => set({ start: e.currentTarget.value })}
            error={hourError(errors.start)}
          />
          <TextInput
            label={t('userPage.dndEnd')}
            description={t('userPage.hourHint')}
            inputMode="numeric"
            value={values.end}
            disabled={!values.dnd}
            onChange={(e) => set({ end: e.currentTarget.value })}
            error={hourError(errors.end)}
          />
        </Group>
        {outcome?.kind === 'nothing' && (
          <Text size="sm" role="status">
            {t('userPage.pushNothing')}
          </Text>
        )}
        {outcome?.kind === 'failed' && (
          <Alert color="red" role="alert">
            {t('userPage.pushFailed', { message: outcome.message })}
            {outcome.partly && ` ${t('userPage.pushPartly')}`}
          </Alert>
        )}
        <Group justify="flex-end">
          {onCancel && (
            <Button variant="default" onClick={onCancel} disabled={update.isPending}>
              {t('common.cancel')}
            </Button>
          )}
          <Button type="submit" loading={update.isPending}>
            {t('userPage.pushSave')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
