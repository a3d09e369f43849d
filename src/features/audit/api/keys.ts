import type { AuditFilters, AuditPage } from './get-audit';

// The log spans every app, so its keys do not start with one.
export const auditKeys = {
  all: ['audit'] as const,
  page: (filters: AuditFilters, page: AuditPage) => [...auditKeys.all, 'page', filters, page] as const,
};
