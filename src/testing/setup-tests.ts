import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { closeOpenConfirm } from '@/components/confirm-action/confirm-store';
import { setSessionState } from '@/lib/session/session-store';

// Testing Library only cleans up by itself when test globals are enabled; they are not here.
// Test files share one jsdom and one module registry (vitest.config.ts: isolate off, four times
// faster), so what a test leaves behind goes with it: a portal, the language chosen, the open
// confirmation, the session, queued toasts, spies.
afterEach(async () => {
  cleanup();
  vi.restoreAllMocks();
  closeOpenConfirm();
  setSessionState({ status: 'checking' });
  (await import('@mantine/notifications')).notifications.clean();
  document.body.innerHTML = '';
  localStorage.clear();
  sessionStorage.clear();
});

// `findBy…` and `waitFor` give up after 1 s by default: a state that takes 1.5 s to show on a busy
// 2-core machine is slow, not broken. They still return as soon as it shows.
configure({ asyncUtilTimeout: 10_000 });

// jsdom lacks these browser APIs, which Mantine calls during render.
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string): MediaQueryList => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  }),
});

class ResizeObserverStub implements ResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
window.ResizeObserver = ResizeObserverStub;

Element.prototype.scrollIntoView = () => {};

// Nor object URLs: a test that downloads spies on these (src/testing/downloads.ts).
URL.createObjectURL = () => 'blob:jsdom';
URL.revokeObjectURL = () => {};

// Mantine's autosizing Textarea re-measures when web fonts load; jsdom has no FontFaceSet.
if (!('fonts' in document)) {
  Object.defineProperty(document, 'fonts', {
    value: { addEventListener: () => {}, removeEventListener: () => {}, ready: Promise.resolve() },
  });
}
