import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { fakeConsoleServer, jsonResponse, type FakeConsoleServer } from '@/testing/fake-console';
import { renderWithProviders } from '@/testing/render';
import type { AuditEntry, AuditSearch } from '../api/get-audit';
import { AuditTable } from './audit-table';

// The audit log is the console server's own endpoint, not the IM host's: a fake server answers it.
let server: FakeConsoleServer;

let nextId = 1;
const entry = (fields: Partial<AuditEntry>): AuditEntry => ({
  id: nextId++,
  time: '2026-05-01T09:30:00.000Z',
  operator: 'ada',
  app: 'demo',
  method: 'DELETE',
  path: 'im/demo/users/alice',
  target: 'alice',
  summary: '',
  status: 200,
  ...fields,
});

/** Serves `entries` as the audit log's one page, out of `total` entries. */
function serve(entries: AuditEntry[], total = entries.length) {
  server = fakeConsoleServer((req) =>
    new URL(req.url).pathname === '/im-console/audit' ? jsonResponse({ entries, cursor: null, total }) : jsonResponse({ error: 'not_found' }, 404),
  );
}

function render(language: 'en' | 'zh-CN' = 'en', search: AuditSearch = { pagenum: 1, pagesize: 20 }, onSearch = vi.fn()) {
  return renderWithProviders(<AuditTable filters={{}} search={search} onSearch={onSearch} />, { language, consoleServer: server });
}

const rowOf = (text: string | RegExp) => screen.getByText(text).closest('tr')!;

describe('AuditTable', () => {
  it('shows an ordinary call with its OK badge and no headline', async () => {
    serve([entry({ target: 'alice', status: 200 })]);
    render();
    const row = (await screen.findByText('Done (200)')).closest('tr')!;
    expect(row).toHaveTextContent('DELETE im/demo/users/alice');
    expect(row).toHaveTextContent('Target: alice');
    expect(row).not.toHaveTextContent(/Refused|Outcome unknown|from /);
    expect(server.requests[0]!.url).toBe('http://console.test/im-console/audit?limit=20');
  });

  it('shows a call whose answer was never recorded as "Outcome unknown", with the explanation', async () => {
    serve([entry({ status: null, target: 'bob', path: 'im/demo/users/bob' })]);
    render();
    const badge = await screen.findByText('Outcome unknown');
    const hint = 'The call was sent to the IM host, but the server stopped before its answer was recorded. Check the target’s current state.';
    // For screen readers as text, for a mouse as the badge's title; neither done nor failed.
    expect(within(badge.closest('td')!).getByText(hint)).toBeInTheDocument();
    expect(badge.closest('[title]')).toHaveAttribute('title', hint);
    const row = badge.closest('tr')!;
    expect(row).not.toHaveTextContent(/Done|Failed/);
  });

  it('shows refused calls in words, with the address they came from, and an unknown code as itself', async () => {
    serve([
      entry({ method: 'POST', path: 'im/demo/users/x/blocks', status: 403, refusal: 'forbidden_role', address: '203.0.113.7' }),
      entry({ method: 'DELETE', path: 'im/demo/groups/g1', target: 'g1', status: 403, refusal: 'csrf_failed', address: '198.51.100.2' }),
      entry({ method: 'GET', path: 'im/demo/secret', target: null, status: 400, refusal: 'brand_new_code' }),
    ]);
    render();
    const forbidden = (await screen.findByText('Refused: the role may not make this call')).closest('tr')!;
    expect(forbidden).toHaveTextContent('from 203.0.113.7');
    expect(forbidden).toHaveTextContent('Failed (403)');
    expect(rowOf('Refused: missing or wrong CSRF token')).toHaveTextContent('from 198.51.100.2');
    expect(rowOf('Refused (brand_new_code)')).not.toHaveTextContent('from ');
  });

  it('keeps the words of session rows, and says why a sign-in was refused', async () => {
    const session = { app: '', path: 'im-console/session' };
    serve([
      entry({ ...session, method: 'POST', operator: 'ada', target: 'ada', status: 200, address: '192.0.2.1' }),
      entry({ ...session, method: 'POST', operator: null, target: 'eve', status: 401 }),
      entry({ ...session, method: 'POST', operator: null, target: 'mallory', status: 429, refusal: 'too_many_attempts', address: '203.0.113.9' }),
      entry({ ...session, method: 'POST', operator: null, target: 'bad name', status: 400, refusal: 'invalid_name', address: '203.0.113.10' }),
      entry({ ...session, method: 'DELETE', operator: 'ada', target: 'ada', status: 204 }),
    ]);
    render();
    expect(await screen.findByText('Signed in')).toBeInTheDocument();
    expect(rowOf('Signed in')).toHaveTextContent('from 192.0.2.1');
    expect(rowOf('Sign-in refused')).toHaveTextContent('Target: eve');
    expect(rowOf('Sign-in refused: too many sign-in attempts')).toHaveTextContent('from 203.0.113.9');
    expect(rowOf('Sign-in refused: not a valid operator name')).toHaveTextContent('from 203.0.113.10');
    expect(screen.getByText('Signed out')).toBeInTheDocument();
  });

  it('numbers the pages from the server’s total and asks for a page by number', async () => {
    serve(Array.from({ length: 20 }, () => entry({})), 130);
    const onSearch = vi.fn();
    const { user } = render('en', { pagenum: 2, pagesize: 20 }, onSearch);
    const nav = screen.getByRole('navigation', { name: 'Pagination' });
    expect(await within(nav).findByRole('button', { name: 'Page 2' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByText('Page 2 of 7 · rows 21–40')).toBeInTheDocument();
    expect(within(nav).getByRole('button', { name: 'Page 7' })).toBeInTheDocument();
    expect(new URL(server.requests[0]!.url).searchParams.toString()).toBe('limit=20&page=2');
    await user.click(within(nav).getByRole('button', { name: 'Page 3' }));
    expect(onSearch).toHaveBeenLastCalledWith({ pagenum: 3, pagesize: 20, cursor: undefined, prev: undefined });
  });

  it('opens an old cursor link on the rows it meant, numbered as it was, and moves on by number', async () => {
    serve(Array.from({ length: 20 }, () => entry({})), 130);
    const onSearch = vi.fn();
    const { user } = render('en', { pagenum: 1, pagesize: 20, cursor: '90', prev: ['', '110'] }, onSearch);
    const nav = screen.getByRole('navigation', { name: 'Pagination' });
    // Two pages before it: page 3.
    expect(await within(nav).findByRole('button', { name: 'Page 3' })).toHaveAttribute('aria-current', 'page');
    expect(new URL(server.requests[0]!.url).searchParams.toString()).toBe('limit=20&cursor=90');
    await user.click(within(nav).getByRole('button', { name: 'Next page' }));
    expect(onSearch).toHaveBeenLastCalledWith({ pagenum: 4, pagesize: 20, cursor: undefined, prev: undefined });
  });

  it('says the same in Chinese', async () => {
    serve([
      entry({ status: null }),
      entry({ status: 403, refusal: 'proxy_forbidden', address: '203.0.113.7', path: 'im/demo/token' }),
      entry({ status: 200, path: 'im/demo/users/carol' }),
    ]);
    render('zh-CN');
    expect(await screen.findByText('结果未知')).toBeInTheDocument();
    expect(screen.getByText('调用已发送到 IM 服务器，但控制台服务器在记录其应答之前已停止。请检查目标的当前状态。')).toBeInTheDocument();
    expect(rowOf('已拒绝：代理从不转发此调用')).toHaveTextContent('来自 203.0.113.7');
    expect(screen.getByText('成功（200）')).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: '第 1 页' })).toHaveAttribute('aria-current', 'page');
  });
});
