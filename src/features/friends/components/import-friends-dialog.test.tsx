import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '@/testing/render';
import ImportFriendsDialog from './import-friends-dialog';

// Reading the file only: nothing here reaches the API.
const renderDialog = () => renderWithProviders(<ImportFriendsDialog app="demo" owner="ann" onClose={vi.fn()} onReport={vi.fn()} />);
const fileInput = (container: HTMLElement) => container.ownerDocument.querySelector<HTMLInputElement>('input[type="file"]')!;

describe('ImportFriendsDialog: names from a file', () => {
  it('takes the username column of a CSV file (GB18030 too) as the names to import, and lets go of them when cleared', async () => {
    const { user, container } = renderDialog();
    const dialog = screen.getByRole('dialog', { name: 'Import friends for ann' });
    // "username,昵称\nbob,小明\ncarol,x\nx/y,z" with the Chinese in GBK, as Excel on a Chinese Windows saves it.
    const gbk = new Uint8Array([
      ...new TextEncoder().encode('username,'),
      0xea, 0xc7, 0xb3, 0xc6,
      ...new TextEncoder().encode('\nbob,'),
      0xd0, 0xa1, 0xc3, 0xf7,
      ...new TextEncoder().encode('\ncarol,x\nx/y,z\n'),
    ]);
    await user.upload(fileInput(container), new File([gbk], 'friends.csv', { type: 'text/csv' }));
    expect(await within(dialog).findByText('2 names read from friends.csv. Not valid, will not be sent: x/y')).toBeInTheDocument();
    expect(within(dialog).getByText('2 selected rows')).toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: 'Clear the file' }));
    expect(within(dialog).queryByText(/read from friends\.csv/)).toBeNull();
    expect(within(dialog).queryByText('2 selected rows')).toBeNull();
  });
});
