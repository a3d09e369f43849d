import { useRouter } from '@tanstack/react-router';
import { useRef, type MouseEvent } from 'react';
import classes from './user-link.module.css';

/** As the router's Link: a hover this long preloads the page (its code and calls). */
const PRELOAD_DELAY_MS = 50;

/**
 * A user's name, linking to their page: what every table cell with a username shows. Shared, so
 * each feature's tables draw it themselves instead of taking a link-making prop from the route;
 * it reaches the router through its public hook (`useRouter`), never through `@/routes`. A plain
 * anchor rather than the router's Link in Mantine's Anchor: a roster draws dozens at once, and
 * the Link follows the router's state to mark itself active, which a cell never is, at several
 * times the cost. It behaves the same: a click opens the page in the console, a modified or
 * middle click a new tab, and a hover preloads the page.
 */
export function UserLink({ app, username }: { app: string; username: string }) {
  const router = useRouter();
  const target = { to: '/$app/users/$username', params: { app, username } } as const;
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const cancelPreload = () => clearTimeout(timer.current);
  const preload = () => {
    cancelPreload();
    timer.current = setTimeout(() => void router.preloadRoute(target).catch(() => undefined), PRELOAD_DELAY_MS);
  };
  const open = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    cancelPreload();
    void router.navigate(target);
  };
  return (
    <a className={classes.link} href={router.buildLocation(target).href} onClick={open} onMouseEnter={preload} onMouseLeave={cancelPreload} onFocus={preload} onBlur={cancelPreload}>
      {username}
    </a>
  );
}
