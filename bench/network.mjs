// 5. Network economy, in Chromium: users list → a user → Back → the same user → groups → a group
// → Back, counting the console's API calls (`/im/…`, `/im-console/…`) per step. Then: is anything
// fetched again within its staleTime, do a group page's sections load in parallel, and does
// hovering a link prefetch (the router preloads on intent)?
import { apiSettled, newContext, open } from './lib/browser.mjs';
import { int } from './lib/stats.mjs';

const isConsoleCall = (url) => /^\/im(-console)?\//.test(new URL(url).pathname);

/**
 * Each resource's staleTime, as set in the source (read by hand, kept here: update it with them):
 * src/lib/query/query-client.ts (default 30 s), get-user-status / get-users-status (10 s),
 * get-offline-message-status and get-owned-groups (0), get-apps (never), get-app-health (60 s).
 */
function staleTimeOf(method, path) {
  if (/\/users\/[^/]+\/status$/.test(path) || path.endsWith('/users/batch/status')) return 10_000;
  if (path.includes('/offline_msg_status/')) return 0;
  if (path.startsWith('/im-console/') && path.includes('apps')) return Infinity;
  if (path.startsWith('/im-console/') && path.includes('health')) return 60_000;
  return 30_000;
}

function track(page) {
  const inflight = new Set();
  const log = [];
  page.on('request', (req) => {
    if (!isConsoleCall(req.url())) return;
    inflight.add(req);
    const u = new URL(req.url());
    log.push({ req, method: req.method(), path: u.pathname, key: `${req.method()} ${u.pathname}${u.search} ${req.postData() ?? ''}`, at: Date.now(), step: undefined });
  });
  const done = (req) => {
    if (!inflight.delete(req)) return;
    const e = log.findLast((x) => x.req === req);
    if (e) e.doneAt = Date.now();
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return { inflight, log };
}

/** The most of `calls` in flight at once. */
function overlap(calls) {
  const edges = calls.flatMap((c) => [[c.at, 1], [c.doneAt ?? c.at, -1]]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let n = 0;
  let max = 0;
  for (const [, d] of edges) max = Math.max(max, (n += d));
  return max;
}

const short = (path) => path.replace(/^\/im\/[^/]+/, '').replace(/^\/im-console/, 'console:');

export async function run({ browser, baseURL }) {
  const context = await newContext(browser);
  const page = await context.newPage();
  const net = track(page);
  const steps = [];
  const step = async (name, action) => {
    const from = net.log.length;
    await action();
    await apiSettled(page, net.inflight, { quietMs: 600 });
    const calls = net.log.slice(from);
    for (const c of calls) c.step = name;
    steps.push({ name, calls });
  };

  const usersTable = page.getByRole('table', { name: 'Users' });
  const groupsTable = page.getByRole('table', { name: 'Groups' });
  const userHeading = (u) => page.getByRole('heading', { level: 1, name: u });
  const BIG = '全员大群 All Hands';
  await step('open /demo/users (cold)', () => open(page, `${baseURL}/demo/users`, usersTable.getByRole('link', { name: 'alice', exact: true })));
  await step('→ a user (bob)', async () => {
    await usersTable.getByRole('link', { name: 'bob', exact: true }).click();
    await userHeading('bob').waitFor();
  });
  await step('← Back to the users list', async () => {
    await page.goBack();
    await usersTable.getByRole('link', { name: 'alice', exact: true }).waitFor();
  });
  await step('→ the same user again', async () => {
    await usersTable.getByRole('link', { name: 'bob', exact: true }).click();
    await userHeading('bob').waitFor();
  });
  await step('→ Groups (navigation)', async () => {
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Groups' }).click();
    await groupsTable.getByRole('link', { name: BIG }).waitFor();
  });
  await step('→ a group (3,000 members)', async () => {
    await groupsTable.getByRole('link', { name: BIG }).click();
    await page.getByRole('table', { name: `Members of ${BIG}` }).waitFor({ timeout: 30_000 });
  });
  await step('← Back to the groups list', async () => {
    await page.goBack();
    await groupsTable.getByRole('link', { name: BIG }).waitFor();
  });
  // Hover, wait, and only then click: what the hover fetched, the click need not.
  const target = 'Weekend Hikers';
  await step(`hover "${target}" (no click)`, async () => {
    await groupsTable.getByRole('link', { name: target }).hover();
    await page.waitForTimeout(1000);
  });
  await step(`→ click "${target}" after the hover`, async () => {
    await groupsTable.getByRole('link', { name: target }).click();
    await page.getByRole('heading', { level: 1, name: target }).waitFor();
  });
  await context.close();

  // Fetched again while the earlier answer was still fresh.
  const all = steps.flatMap((s) => s.calls);
  const refetched = [];
  const lastAt = new Map();
  for (const c of all) {
    const prev = lastAt.get(c.key);
    if (prev && c.at - prev.doneAt < staleTimeOf(c.method, c.path)) refetched.push(`${c.method} ${short(c.path)} (${prev.step} → ${c.step})`);
    lastAt.set(c.key, c);
  }
  const groupStep = steps.find((s) => s.name.startsWith('→ a group'));
  const groupCalls = groupStep.calls.filter((c) => c.path.startsWith('/im/'));
  const details = groupCalls.find((c) => /\/chatgroups\/\d+$/.test(c.path));
  const roster = groupCalls.find((c) => /\/chatgroups\/\d+\/users$/.test(c.path));
  const sectionCalls = groupCalls.filter((c) => c !== details);
  const parallel = details && roster ? roster.at < details.doneAt && details.at < roster.doneAt : false;
  const hover = steps.find((s) => s.name.startsWith('hover'));
  const afterHover = steps.at(-1);

  const rows = steps.map((s) => [s.name, int(s.calls.length), s.calls.map((c) => `${c.method === 'GET' ? '' : `${c.method} `}${short(c.path)}`).join(', ') || '—']);
  return {
    title: '5. Network economy: API calls per navigation step (Chromium, one session)',
    columns: ['step', 'calls', 'what'],
    rows,
    summary: [
      ['Fetched again within its staleTime', refetched.length ? `${refetched.length}` : '0', '0', refetched.length ? 'MISSED' : 'met'],
      ['Group page: section calls in flight at once', `${overlap(sectionCalls)} of ${sectionCalls.length}`, 'all', overlap(sectionCalls) === sectionCalls.length ? 'met' : 'MISSED'],
      ['Group page: details call alongside the sections', parallel ? 'yes' : `no: starts ${details ? details.at - Math.min(...sectionCalls.map((c) => c.at)) : '?'} ms after them`, 'yes', parallel ? 'met' : 'MISSED'],
      ['Hover prefetches the group page', `${hover.calls.length} calls on hover, ${afterHover.calls.length} on click`, 'prefetch', hover.calls.length > 0 ? 'yes' : 'no'],
    ],
    notes: [
      `fetched again within staleTime: ${refetched.join('; ') || 'nothing'}`,
      `group page: details and roster ${parallel ? 'overlapped (parallel)' : 'did not overlap'}; its calls: ${groupCalls.map((c) => `${short(c.path)} ${c.at - groupCalls[0].at}–${(c.doneAt ?? c.at) - groupCalls[0].at} ms`).join(', ')}`,
    ],
  };
}
