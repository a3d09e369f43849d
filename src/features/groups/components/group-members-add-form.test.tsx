import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/lib/api-client/api-error';
import { callApi } from '@/lib/api-client/http';
import { renderWithProviders } from '@/testing/render';
import GroupMembersAddForm from './group-members-add-form';

vi.mock('@/lib/api-client/http', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/api-client/http')>()),
  callApi: vi.fn(),
}));
const call = vi.mocked(callApi);

beforeEach(() => {
  call.mockReset();
});

const refusal = (status: number, error: string, description: string) => new ApiError({ kind: 'http', status, error, description, call: 'POST /chatgroups/g1/users/x' });

describe('GroupMembersAddForm', () => {
  it.each([
    [refusal(403, 'forbidden_op', 'can not join this group, reason:user: zoe already in group: g1\n'), 'zoe is already a member of this group.'],
    [refusal(403, 'exceed_limit', 'user zoe has joined too many groups!'), 'zoe has joined as many groups as the app allows'],
    [refusal(403, 'exceed_limit', 'members size is greater than max user size !'), 'The group is full'],
    [refusal(404, 'resource_not_found', "username zoe doesn't exist!"), 'There is no user “zoe” in this app.'],
  ])('explains the documented refusal %#, shows the API’s words, and keeps the name', async (error, explained) => {
    call.mockRejectedValue(error);
    const onClose = vi.fn();
    const { user } = renderWithProviders(<GroupMembersAddForm app="demo" groupId="g1" groupName="Board Games" onClose={onClose} />);
    const field = screen.getByRole('textbox', { name: /^Username/ });
    await user.type(field, 'Zoe');
    await user.click(screen.getByRole('button', { name: 'Add' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(explained);
    expect(alert).toHaveTextContent(`The IM service said: ${error.description.trim()}`);
    expect(field).toHaveValue('Zoe');
    expect(onClose).not.toHaveBeenCalled();
    expect(call.mock.calls[0]![2]).toMatchObject({ method: 'post', path: 'chatgroups/g1/users/zoe' });
  });

  it('refuses a malformed name without sending, and closes after a success', async () => {
    call.mockResolvedValue({ data: { result: true, user: 'zoe' } });
    const onClose = vi.fn();
    const { user } = renderWithProviders(<GroupMembersAddForm app="demo" groupId="g1" groupName="Board Games" onClose={onClose} />);
    const field = screen.getByRole('textbox', { name: /^Username/ });
    await user.type(field, 'zoe smith');
    await user.click(screen.getByRole('button', { name: 'Add' }));
    expect(screen.getByText(/A username is 1–64 characters/)).toBeInTheDocument();
    expect(call).not.toHaveBeenCalled();
    await user.clear(field);
    await user.type(field, 'zoe');
    await user.click(screen.getByRole('button', { name: 'Add' }));
    await vi.waitFor(() => expect(onClose).toHaveBeenCalledOnce());
  });
});
