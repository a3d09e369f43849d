import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { getUser } from '@/features/users/api/get-user';
import type { UserEntity } from '@/lib/api-client/schemas';
import { installImHost, registerUsers, imHostPerTest } from '@/testing/im-host';
import { renderWithProviders } from '@/testing/render';
import { changedSettings, parseHour, PushSettingsForm, valuesOf } from './push-settings-form';

// peggy's settings as the emulator holds them before each test (and the same as an entity for the pure functions).
const host = imHostPerTest({}, async (h) => {
  await registerUsers(h, ['peggy']);
  await h.arrange('PUT', '/users/peggy', {
    nickname: '佩吉',
    notification_display_style: 0,
    notification_no_disturbing: true,
    notification_no_disturbing_start: 22,
    notification_no_disturbing_end: 7,
  });
});

/** peggy as the page passes her: read through the console's own call. */
async function storedPeggy() {
  installImHost(host());
  return getUser('demo', 'peggy');
}

const peggy: UserEntity = {
  uuid: 'u-1',
  created: 1_700_000_000_000,
  username: 'peggy',
  activated: true,
  nickname: '佩吉',
  notification_display_style: 0,
  notification_no_disturbing: true,
  notification_no_disturbing_start: 22,
  notification_no_disturbing_end: 7,
};

describe('parseHour', () => {
  it('takes whole hours 0–23 only', () => {
    expect(['0', '7', '07', ' 23 '].map(parseHour)).toEqual([0, 7, 7, 23]);
    expect(['24', '-1', '7.5', '1e1', '', 'seven', '100'].map(parseHour)).toEqual(Array(7).fill(undefined));
  });
});

describe('changedSettings', () => {
  it('makes one body per changed group, and none when nothing changed', () => {
    expect(changedSettings(valuesOf(peggy), peggy)).toEqual([]);
    expect(changedSettings({ ...valuesOf(peggy), nickname: 'P', style: '1' }, peggy)).toEqual([{ nickname: 'P' }, { notification_display_style: 1 }]);
    expect(changedSettings({ ...valuesOf(peggy), dnd: false }, peggy)).toEqual([
      { notification_no_disturbing: false, notification_no_disturbing_start: 22, notification_no_disturbing_end: 7 },
    ]);
  });
});

describe('PushSettingsForm', () => {
  it('refuses an hour out of range or not whole, saying why, and sends nothing', async () => {
    const { user } = renderWithProviders(<PushSettingsForm app="demo" username="peggy" user={await storedPeggy()} />, { imHost: host() });
    const start = screen.getByRole('textbox', { name: /^From \(hour\)/ });
    const end = screen.getByRole('textbox', { name: /^Until \(hour\)/ });
    await user.clear(start);
    await user.type(start, '24');
    await user.clear(end);
    await user.type(end, '6.5');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getAllByText('Enter a whole hour from 0 to 23.')).toHaveLength(2);
    expect(start).toHaveAttribute('aria-invalid', 'true');
    expect(host().callsTo('PUT')).toEqual([]);
  });

  it('refuses a push nickname over 100 characters', async () => {
    const { user } = renderWithProviders(<PushSettingsForm app="demo" username="peggy" user={await storedPeggy()} />, { imHost: host() });
    const nickname = screen.getByRole('textbox', { name: /^Push nickname/ });
    await user.clear(nickname);
    // Pasted: typing 101 keys is slow on a busy machine and tests nothing more.
    await user.click(nickname);
    await user.paste('n'.repeat(101));
    expect(screen.getByText('At most 100 characters (this is 101).')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(host().callsTo('PUT')).toEqual([]);
  });

  it('sends only the changed group, then reports done; the emulator holds the new hours', async () => {
    const onDone = vi.fn();
    const { user } = renderWithProviders(<PushSettingsForm app="demo" username="peggy" user={await storedPeggy()} onDone={onDone} />, { imHost: host() });
    const start = screen.getByRole('textbox', { name: /^From \(hour\)/ });
    await user.clear(start);
    await user.type(start, '21');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledOnce());
    expect(host().callsTo('PUT').map((c) => [c.path, c.body])).toEqual([
      ['users/peggy', { notification_no_disturbing: true, notification_no_disturbing_start: 21, notification_no_disturbing_end: 7 }],
    ]);
    expect((await host().arrange('GET', '/users/peggy')).entities[0]).toMatchObject({
      nickname: '佩吉',
      notification_display_style: 0,
      notification_no_disturbing: true,
      notification_no_disturbing_start: 21,
      notification_no_disturbing_end: 7,
    });
  });

  it('shows the API’s refusal in the form and keeps the values', async () => {
    const onDone = vi.fn();
    const { user } = renderWithProviders(<PushSettingsForm app="demo" username="peggy" user={await storedPeggy()} onDone={onDone} />, {
      language: 'zh-CN',
      imHost: host(),
    });
    // Deleted by someone else while the form was open: the service refuses the change.
    await host().arrange('DELETE', '/users/peggy');
    const nickname = screen.getByRole('textbox', { name: /^推送昵称/ });
    await user.clear(nickname);
    await user.type(nickname, 'Peggy P');
    await user.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Entity user requires a property named username');
    expect(nickname).toHaveValue('Peggy P');
    expect(onDone).not.toHaveBeenCalled();
  });
});
