// Headless Chromium as the e2e tests run it, and the pieces every browser topic shares.
import { chromium } from '@playwright/test';

export async function launch() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-quic'],
  });
}

/** A fresh context: empty HTTP cache, English UI, a desktop viewport. */
export function newContext(browser, extra = {}) {
  return browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 }, ...extra });
}

/** The console's calls to the IM API all go through the same-origin proxy under `/im/`. */
export const isApiCall = (url) => new URL(url).pathname.startsWith('/im/');

/**
 * If the console asks an operator to sign in (sessions are being added), signs in with
 * BENCH_OPERATOR / BENCH_PASSWORD; without them the bench stops and says so.
 */
export async function signInIfAsked(page) {
  const password = page.locator('input[type=password]');
  if ((await password.count()) === 0) return false;
  const user = process.env.BENCH_OPERATOR;
  const pass = process.env.BENCH_PASSWORD;
  if (!user || !pass) throw new Error('the console asks for a sign-in: set BENCH_OPERATOR and BENCH_PASSWORD');
  await page.locator('input:not([type=password]):visible').first().fill(user);
  await password.fill(pass);
  await password.press('Enter');
  await password.waitFor({ state: 'detached', timeout: 15_000 });
  return true;
}

/** Navigates and waits for `ready` (a locator), signing in first if the console asks. */
export async function open(page, url, ready, timeout = 30_000) {
  await page.goto(url);
  const pw = page.locator('input[type=password]');
  await Promise.race([ready.waitFor({ timeout }), pw.waitFor({ timeout })]);
  if (await signInIfAsked(page)) await ready.waitFor({ timeout });
}

/** Resolves once no `/im/` call has been in flight for `quietMs` (bounded by `maxMs`). */
export async function apiSettled(page, inflight, { quietMs = 400, maxMs = 15_000 } = {}) {
  const deadline = Date.now() + maxMs;
  let quietSince = Date.now();
  while (Date.now() < deadline) {
    if (inflight.size > 0) quietSince = Date.now();
    else if (Date.now() - quietSince >= quietMs) return;
    await page.waitForTimeout(50);
  }
}

/** Tracks the page's `/im/` calls: in flight now, and a log of every one with its answer. */
export function trackApi(page) {
  const inflight = new Set();
  const log = [];
  page.on('request', (req) => {
    if (!isApiCall(req.url())) return;
    inflight.add(req);
    log.push({ req, method: req.method(), url: req.url(), at: Date.now(), status: undefined, body: req.postData() });
  });
  const done = (req, status) => {
    if (!inflight.delete(req)) return;
    const entry = log.findLast((e) => e.req === req);
    if (entry) {
      entry.status = status;
      entry.doneAt = Date.now();
    }
  };
  page.on('response', (res) => {
    const entry = log.findLast((e) => e.req === res.request());
    // Chromium does not always expose a fetch's request body; the answer says what was applied.
    if (entry && entry.method !== 'GET') entry.answer = res.json().catch(() => undefined);
    done(res.request(), res.status());
  });
  page.on('requestfailed', (req) => done(req, 0));
  return { inflight, log };
}
