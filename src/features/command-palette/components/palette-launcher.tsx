import { UnstyledButton } from '@mantine/core';
import { Suspense, useEffect, useState } from 'react';
import { SearchIcon } from '@/components/icons/icons';
import { lazyWithPages } from '@/lib/i18n/lazy-with-pages';
import { useTranslation } from '@/lib/i18n/react';
import { useSessionState } from '@/lib/session/session-store';
import type { PaletteSources, PaletteTarget } from '../palette-model';
import classes from './palette-launcher.module.css';

// The palette (and Mantine's spotlight) load on first use, out of the first screen: when the box
// is hovered or focused, or at the first Ctrl+K. Its strings are in the `pages` part.
const CommandPalette = lazyWithPages(() => import('./command-palette'));

const isMac = () => typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent);

type Props = {
  app: string;
  sources: PaletteSources;
  onNavigate: (target: PaletteTarget) => void;
};

/** The header's "Go to…" box and the Ctrl+K / ⌘K shortcut, both opening the command palette. */
export function PaletteLauncher({ app, sources, onNavigate }: Props) {
  const { t } = useTranslation();
  const session = useSessionState();
  const [loaded, setLoaded] = useState(false);
  const [opened, setOpened] = useState(false);
  const [initialQuery, setInitialQuery] = useState<string | undefined>();
  const open = (text?: string) => {
    setLoaded(true);
    setInitialQuery(text);
    setOpened(true);
  };

  // From anywhere, text fields included (in the palette's own, Ctrl+K again closes it); not while
  // the sign-in covers the page. A plain listener: Mantine's useHotkeys would weigh on the first screen.
  const signedOut = session.status === 'signed-out';
  useEffect(() => {
    if (signedOut) return;
    const onKeyDown = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey || e.key.toLowerCase() !== 'k') return;
      e.preventDefault();
      setLoaded(true);
      setInitialQuery(undefined);
      setOpened((o) => !o);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [signedOut]);

  return (
    <>
      <UnstyledButton
        className={classes.trigger}
        aria-label={t('goTo.open')}
        aria-haspopup="dialog"
        aria-keyshortcuts="Control+K Meta+K"
        onFocus={() => setLoaded(true)}
        onMouseEnter={() => setLoaded(true)}
        onClick={() => open()}
        // Typing on the focused box starts the search with that letter.
        onKeyDown={(e) => {
          if (e.key.length === 1 && e.key !== ' ' && !e.ctrlKey && !e.metaKey && !e.altKey) {
            e.preventDefault();
            open(e.key);
          }
        }}
      >
        <SearchIcon aria-hidden />
        <span className={classes.label}>{t('goTo.trigger')}</span>
        <kbd className={classes.kbd} aria-hidden>
          {isMac() ? '⌘K' : 'Ctrl K'}
        </kbd>
      </UnstyledButton>
      {loaded && (
        <Suspense fallback={null}>
          <CommandPalette app={app} opened={opened} onClose={() => setOpened(false)} initialQuery={initialQuery} sources={sources} onNavigate={onNavigate} />
        </Suspense>
      )}
    </>
  );
}
