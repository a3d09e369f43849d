import { RouterContextProvider } from '@tanstack/react-router';
import { act, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '@/testing/render';
import { createTestRouter } from '@/testing/test-router';
import { UserLink } from './user-link';

afterEach(() => vi.useRealTimers());

function renderLink(username = 'alice') {
  const router = createTestRouter();
  const navigate = vi.spyOn(router, 'navigate').mockResolvedValue(undefined);
  const preload = vi.spyOn(router, 'preloadRoute').mockResolvedValue(undefined);
  const utils = renderWithProviders(
    <RouterContextProvider router={router}>
      <UserLink app="demo" username={username} />
    </RouterContextProvider>,
  );
  return { ...utils, navigate, preload, link: screen.getByRole('link', { name: username }) };
}

const userPage = { to: '/$app/users/$username', params: { app: 'demo', username: 'alice' } };

describe('UserLink', () => {
  it('is a plain link to the user page', () => {
    const { link } = renderLink('li lei');
    expect(link.tagName).toBe('A');
    expect(link).toHaveAttribute('href', '/demo/users/li%20lei');
  });

  it('opens the page in the console on a plain click', async () => {
    const { user, link, navigate } = renderLink();
    await user.click(link);
    expect(navigate).toHaveBeenCalledWith(userPage);
  });

  it('leaves a modified or middle click to the browser (a new tab)', () => {
    const { link, navigate } = renderLink();
    // fireEvent answers false when the handler called preventDefault.
    expect(fireEvent.click(link, { ctrlKey: true })).toBe(true);
    expect(fireEvent.click(link, { metaKey: true })).toBe(true);
    expect(fireEvent.click(link, { button: 1 })).toBe(true);
    expect(navigate).not.toHaveBeenCalled();
  });

  it('preloads the page after a short hover, not when the pointer only passes over', () => {
    vi.useFakeTimers();
    const { link, preload } = renderLink();
    fireEvent.mouseEnter(link);
    fireEvent.mouseLeave(link);
    act(() => vi.advanceTimersByTime(100));
    expect(preload).not.toHaveBeenCalled();
    fireEvent.mouseEnter(link);
    act(() => vi.advanceTimersByTime(100));
    expect(preload).toHaveBeenCalledWith(userPage);
  });
});
