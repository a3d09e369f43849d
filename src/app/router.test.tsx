import { act, render, screen } from '@testing-library/react';
import { createMemoryHistory, createRootRoute, createRoute, createRouter, Outlet, RouterProvider } from '@tanstack/react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pendingAtOnceOnFirstLoad } from './router';

/** A promise the test settles when it chooses. */
function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

function app() {
  const answers = { a: deferred(), b: deferred() };
  const root = createRootRoute({
    component: () => (
      <>
        <nav>shell</nav>
        <Outlet />
      </>
    ),
  });
  const page = (name: 'a' | 'b') =>
    createRoute({
      getParentRoute: () => root,
      path: `/${name}`,
      loader: () => answers[name].promise,
      pendingComponent: () => <p>waiting</p>,
      pendingMinMs: 0,
      component: () => <p>page {name}</p>,
    });
  const router = pendingAtOnceOnFirstLoad(
    createRouter({ routeTree: root.addChildren([page('a'), page('b')]), history: createMemoryHistory({ initialEntries: ['/a'] }) }),
  );
  render(<RouterProvider router={router} />);
  return { router, answers };
}

describe('pendingAtOnceOnFirstLoad', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('draws the shell with the page pending on the first load, and keeps the page before while moving between pages', async () => {
    vi.useFakeTimers();
    const { router, answers } = app();
    const after = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));
    // First load: the shell and the page's pending place at once, while its answers are awaited.
    await after(50);
    expect(screen.getByText('waiting')).toBeInTheDocument();
    expect(screen.getByText('shell')).toBeInTheDocument();
    answers.a.resolve();
    await after(50);
    expect(screen.getByText('page a')).toBeInTheDocument();

    // Later: the page before stays for the router's usual second, then the pending place shows.
    router.history.push('/b');
    await after(900);
    expect(screen.getByText('page a')).toBeInTheDocument();
    expect(screen.queryByText('waiting')).toBeNull();
    await after(200);
    expect(screen.getByText('waiting')).toBeInTheDocument();
    answers.b.resolve();
    await after(50);
    expect(screen.getByText('page b')).toBeInTheDocument();
  });
});
