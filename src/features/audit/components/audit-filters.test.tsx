import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '@/testing/render';
import { auditCsvUrl, auditQuery } from '../api/get-audit';
import { AuditFiltersForm } from './audit-filters';

describe('AuditFiltersForm', () => {
  it('hands the trimmed filters to the page (which puts them in the URL) on submit', async () => {
    const onChange = vi.fn();
    const { user } = renderWithProviders(<AuditFiltersForm value={{ operator: 'old' }} onChange={onChange} />);
    const operator = screen.getByLabelText('Operator');
    expect(operator).toHaveValue('old');
    await user.clear(operator);
    await user.type(screen.getByLabelText('Target user or group'), ' alice ');
    await user.type(screen.getByLabelText(/^Action/), 'DELETE');
    expect(onChange).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));
    expect(onChange).toHaveBeenCalledWith({ operator: undefined, target: 'alice', action: 'DELETE' });
  });

  it('refuses an end date before the start date', async () => {
    const onChange = vi.fn();
    const { user } = renderWithProviders(<AuditFiltersForm value={{ from: '2026-05-03', to: '2026-05-01' }} onChange={onChange} />);
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));
    expect(screen.getByText('The end date is before the start date')).toBeInTheDocument();
    expect(onChange).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Clear' }));
    expect(onChange).toHaveBeenCalledWith({});
  });
});

describe('auditQuery', () => {
  it('sends whole local days as epoch milliseconds, and the CSV link carries the same filters', () => {
    const q = auditQuery({ operator: 'ad', from: '2026-05-01', to: '2026-05-01' });
    expect(q.get('operator')).toBe('ad');
    expect(Number(q.get('from'))).toBe(new Date(2026, 4, 1).getTime());
    expect(Number(q.get('to'))).toBe(new Date(2026, 4, 2).getTime() - 1);
    expect(auditCsvUrl({ target: 'bob' })).toBe('/im-console/audit?target=bob&format=csv');
  });
});
