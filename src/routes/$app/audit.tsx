import { Stack } from '@mantine/core';
import { createFileRoute, stripSearchParams } from '@tanstack/react-router';
import * as z from 'zod/mini';
import { pageSearch } from '@/components/data-table/pagination-search';
import { AUDIT_PAGE, auditPageOf, auditQueryOptions, type AuditFilters } from '@/features/audit/api/get-audit';
import { AuditFiltersForm } from '@/features/audit/components/audit-filters';
import { AuditTable } from '@/features/audit/components/audit-table';
import { useTranslation } from '@/lib/i18n/react';
import { AdminOnly } from '@/routes/-components/admin-only';
import { PageTitle } from '@/routes/-components/page-title';
import { waitBriefly } from '@/lib/query/wait-briefly';

// The log spans every app; the page still sits under `/$app/` so the shell (navigation, app
// switcher) stays the same, and no app called "audit" is shadowed by a top-level route.
const text = z.catch(z.optional(z.string().check(z.minLength(1), z.maxLength(200))), undefined);
const day = z.catch(z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))), undefined);
const clampSize = (n: number) => Math.min(AUDIT_PAGE.max, Math.max(AUDIT_PAGE.min, Math.trunc(n)));
const auditSearch = z.pipe(
  z.extend(pageSearch(AUDIT_PAGE), {
    // Links from before numbered pages: the page size as `limit`, the rows after a cursor and the
    // cursors of the pages before it.
    limit: z.catch(z.optional(z.number()), undefined),
    cursor: z.catch(z.optional(z.string().check(z.regex(/^\d{1,15}$/))), undefined),
    prev: z.catch(z.optional(z.array(z.string())), undefined),
    operator: text,
    target: text,
    action: text,
    from: day,
    to: day,
  }),
  // A default `pagesize` is never in the URL (stripped), so an old `limit` is what the link meant.
  z.transform(({ limit, ...s }) => (limit !== undefined && s.pagesize === AUDIT_PAGE.defaultSize ? { ...s, pagesize: clampSize(limit) } : s)),
);

const filtersOf = (s: AuditFilters): AuditFilters => ({ operator: s.operator, target: s.target, action: s.action, from: s.from, to: s.to });

export const Route = createFileRoute('/$app/audit')({
  validateSearch: auditSearch,
  search: { middlewares: [stripSearchParams({ pagenum: 1, pagesize: AUDIT_PAGE.defaultSize })] },
  loaderDeps: ({ search }) => ({ filters: filtersOf(search), page: auditPageOf(search) }),
  loader: ({ cause, context, params, deps }) => waitBriefly(cause, params.app, [context.queryClient.prefetchQuery(auditQueryOptions(deps.filters, deps.page))]),
  component: AuditPage,
});

function AuditPage() {
  const { t } = useTranslation();
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  const filters = filtersOf(search);
  return (
    <AdminOnly title={t('audit.title')} note={t('audit.adminOnly')}>
      <Stack gap="md">
        <PageTitle title={t('audit.title')} description={t('audit.description')} />
        <AuditFiltersForm
          value={filters}
          // New filters start again from the newest entries.
          onChange={(next) => void navigate({ search: (s) => ({ ...s, ...filtersOf(next), pagenum: 1, cursor: undefined, prev: undefined }) })}
        />
        <AuditTable filters={filters} search={search} onSearch={(s) => void navigate({ search: s })} />
      </Stack>
    </AdminOnly>
  );
}
