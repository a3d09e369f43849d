import { Alert, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { ErrorState } from '@/components/error-state/error-state';
import { UserLink } from '@/components/user-link/user-link';
import { JOINED_GROUPS_PAGE } from '@/features/users/api/get-joined-groups';
import { allChecks, summarize, useRelationshipChecks, type Check, type RelationshipChecks } from './relationship-checks';
import { CheckLines, FindingLine, GroupLink, PendingLine, ReportLine, rich, subjectText } from './relationship-finding';
import { useNow } from '@/hooks/use-now';


const Lines = ({ children }: { children: ReactNode }) => (
  <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
    {children}
  </Stack>
);

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack component="section" gap="xs">
      <Title order={2} size="h4">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

/** Everything that stands between A and B, each check loading and failing on its own. */
export function RelationshipReport({ app, a, b }: { app: string; a: string; b: string }) {
  const { t } = useTranslation();
  const now = useNow(30_000);
  const checks = useRelationshipChecks(app, a, b, now);
  const lines = (list: Check[]) => list.map((c) => <CheckLines key={c.id} app={app} check={c} now={now} />);
  return (
    <Stack gap="lg">
      <Summary checks={checks} />
      <Section title={t('relationship.accounts')}>
        <Lines>{lines(checks.accounts)}</Lines>
      </Section>
      <Section title={t('relationship.blacklists')}>
        <Lines>{lines(checks.blocks)}</Lines>
      </Section>
      <Section title={t('relationship.friendship')}>
        <Lines>{lines(checks.friendship)}</Lines>
      </Section>
      <Section title={t('relationship.groups')}>
        <GroupsSection app={app} checks={checks} now={now} />
      </Section>
    </Stack>
  );
}

function Summary({ checks }: { checks: RelationshipChecks }) {
  const { t } = useTranslation();
  const { blockers, pending, failed } = summarize(allChecks(checks));
  const done = pending === 0 && failed === 0;
  const parts = done
    ? [blockers > 0 ? t('relationship.stops', { count: blockers }) : t('relationship.nothing')]
    : [
        blockers > 0 ? t('relationship.soFar', { count: blockers }) : t('relationship.noneSoFar'),
        pending > 0 ? t('relationship.checking', { count: pending }) : '',
        failed > 0 ? t('relationship.failed', { count: failed }) : '',
      ].filter(Boolean);
  const color = blockers > 0 ? 'red' : done ? 'green' : failed > 0 ? 'orange' : 'gray';
  return (
    // A live region: the line changes as checks finish and fixes land.
    <Alert color={color} variant="light" role="status" aria-live="polite">
      <Text fw={600}>{parts.join(' ')}</Text>
    </Alert>
  );
}

function GroupsSection({ app, checks, now }: { app: string; checks: RelationshipChecks; now: number }) {
  const { t } = useTranslation();
  const { groups, common, oneSided, oneSidedSkipped } = checks;
  if (groups.status !== 'success') {
    return (
      <Lines>
        <CheckLines app={app} check={groups} now={now} />
      </Lines>
    );
  }
  const pendingOneSided = oneSided.filter((c) => c.status === 'pending').length;
  const oneSidedDone = oneSided.length > 0 && oneSided.every((c) => c.status === 'success');
  const oneSidedBlocked = oneSided.flatMap((c) => c.findings);
  return (
    <Stack gap="md">
      <Lines>
        <ReportLine severity="note">
          {() => (common.length > 0 ? t('relationship.commonGroups', { count: common.length }) : t('relationship.noCommonGroups'))}
        </ReportLine>
        {checks.groupsTruncated && <ReportLine severity="note">{() => t('relationship.groupsTruncated', { max: JOINED_GROUPS_PAGE.max })}</ReportLine>}
      </Lines>
      {common.map((c) => (
        <Stack key={c.id} gap={6} component="section">
          <Title order={3} size="h5">
            {c.subject.kind === 'group' && <GroupLink app={app} group={c.subject.group} />}
          </Title>
          <Lines>
            <CheckLines app={app} check={c} now={now} />
          </Lines>
        </Stack>
      ))}
      {oneSided.length > 0 && (
        <Lines>
          {pendingOneSided > 0 && <PendingLine text={t('relationship.checkingBlacklists', { count: pendingOneSided })} />}
          {oneSided
            .filter((c) => c.status === 'error')
            .map((c) => (
              <li key={c.id}>
                <ErrorState title={subjectText(t, c.subject, 'failed')} error={c.error} onRetry={c.retry} />
              </li>
            ))}
          {oneSidedBlocked.map((f, i) => (
            <FindingLine key={i} app={app} finding={f} now={now} />
          ))}
          {oneSidedDone && oneSidedBlocked.length === 0 && (
            <ReportLine severity="ok">{() => t('relationship.oneSidedClear', { count: oneSided.length })}</ReportLine>
          )}
          {oneSidedSkipped > 0 && <ReportLine severity="note">{() => t('relationship.oneSidedSkipped', { count: oneSidedSkipped })}</ReportLine>}
        </Lines>
      )}
    </Stack>
  );
}

/** "Between alice and bob", each name a link. */
export function PairHeading({ app, a, b }: { app: string; a: string; b: string }) {
  const { t } = useTranslation();
  return <Text size="lg">{rich(t, 'relationship.pair', {}, { a: <UserLink app={app} username={a} />, b: <UserLink app={app} username={b} /> })}</Text>;
}
