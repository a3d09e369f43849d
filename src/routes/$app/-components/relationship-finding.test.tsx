import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/lib/api-client/api-error';
import { renderWithProviders } from '@/testing/render';
import type { Check } from './relationship-checks';
import { CheckLines } from './relationship-finding';

const subject = { kind: 'block', owner: 'alice', other: 'bob' } as const;

describe('CheckLines', () => {
  it('says what it is checking while it runs', () => {
    const check: Check = { id: 'x', subject, status: 'pending', retry: () => {}, findings: [] };
    renderWithProviders(<ul><CheckLines app="demo" check={check} now={0} /></ul>);
    expect(screen.getByRole('listitem')).toHaveTextContent('Checking whether alice has blocked bob…');
  });

  it('shows a failed check with the API’s message and a Retry for that check only', async () => {
    const retry = vi.fn();
    const error = new ApiError({ kind: 'http', status: 503, error: 'service_unavailable', description: 'try later', call: 'GET /users/alice/blocks/users' });
    const check: Check = { id: 'x', subject, status: 'error', error, retry, findings: [] };
    const { user } = renderWithProviders(<ul><CheckLines app="demo" check={check} now={0} /></ul>, { language: 'zh-CN' });
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('无法检查 alice 是否屏蔽了 bob');
    expect(alert).toHaveTextContent('try later');
    await user.click(screen.getByRole('button', { name: '重试' }));
    expect(retry).toHaveBeenCalledOnce();
  });
});
