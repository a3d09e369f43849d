import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useEffect, useRef, useState } from 'react';
import { describe, expect, it } from 'vitest';
import { captureFocus, useReturnFocus } from './return-focus';

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('captureFocus', () => {
  it('gives focus back to what had it, after the closing tick, and only once', async () => {
    render(
      <>
        <button type="button">Open</button>
        <input aria-label="In the dialog" />
      </>,
    );
    const opener = screen.getByRole('button', { name: 'Open' });
    const field = screen.getByRole('textbox');
    opener.focus();
    const restore = captureFocus();
    field.focus();
    restore();
    // Not at once: the dialog still holds focus in this tick.
    expect(field).toHaveFocus();
    await tick();
    expect(opener).toHaveFocus();

    field.focus();
    restore();
    await tick();
    expect(field).toHaveFocus();
  });

  it('leaves focus alone when the opener went away or was disabled meanwhile', async () => {
    const { rerender } = render(
      <>
        <button type="button">Open</button>
        <input aria-label="Elsewhere" />
      </>,
    );
    screen.getByRole('button', { name: 'Open' }).focus();
    const restoreGone = captureFocus();
    rerender(<input aria-label="Elsewhere" />);
    screen.getByRole('textbox').focus();
    restoreGone();
    await tick();
    expect(screen.getByRole('textbox')).toHaveFocus();

    rerender(
      <>
        <button type="button">Again</button>
        <input aria-label="Elsewhere" />
      </>,
    );
    const again = screen.getByRole('button', { name: 'Again' });
    again.focus();
    const restoreDisabled = captureFocus();
    screen.getByRole('textbox').focus();
    again.setAttribute('disabled', '');
    restoreDisabled();
    await tick();
    expect(screen.getByRole('textbox')).toHaveFocus();
  });
});

function Dialog({ onClose }: { onClose: () => void }) {
  const field = useRef<HTMLInputElement>(null);
  // Takes focus once mounted, as a modal's focus trap does.
  useEffect(() => field.current?.focus(), []);
  return <input aria-label="Name" ref={field} onKeyDown={(e) => e.key === 'Escape' && onClose()} />;
}

function Page() {
  const [opened, setOpened] = useState(false);
  const returnFocus = useReturnFocus(opened);
  return (
    <>
      <button type="button" onClick={() => setOpened(true)}>
        Mute many
      </button>
      <button type="button" onClick={() => setOpened(true)}>
        Ban many
      </button>
      {opened && (
        <Dialog
          onClose={() => {
            setOpened(false);
            returnFocus();
          }}
        />
      )}
    </>
  );
}

describe('useReturnFocus', () => {
  it('remembers the opener when the dialog opens and gives focus back on close', async () => {
    const user = userEvent.setup();
    render(<Page />);
    await user.click(screen.getByRole('button', { name: 'Mute many' }));
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveFocus();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Mute many' })).toHaveFocus());
  });

  it('remembers the opener of each opening', async () => {
    const user = userEvent.setup();
    render(<Page />);
    await user.click(screen.getByRole('button', { name: 'Mute many' }));
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Mute many' })).toHaveFocus());
    await user.keyboard('{Tab}{Enter}');
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveFocus();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Ban many' })).toHaveFocus());
  });
});
