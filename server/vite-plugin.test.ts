import { expect, it } from 'vitest';
import { emulatorApps, readImConfig } from './im-config.js';
import { devSignInRequired } from './vite-plugin.js';

it('keeps dev and preview sign-in free against the local emulator only', () => {
  expect(devSignInRequired(emulatorApps(5080), {})).toBe(false);
  const real = readImConfig({ IM_HOST: 'https://a1.example.com', IM_ORG: 'o', IM_APP: 'a', IM_APP_TOKEN: 't' });
  expect(devSignInRequired(real, {})).toBe(true);
  expect(devSignInRequired(real, { CONSOLE_SIGN_IN: 'off' })).toBe(false);
  expect(devSignInRequired(real, { CONSOLE_SIGN_IN: 'on' })).toBe(true);
});
