import { Badge, Group, Loader, Text } from '@mantine/core';
import { Fragment, useId, type ReactNode } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import type { TFunction, TKey } from '@/lib/i18n/translate';
import { ErrorState } from '@/components/error-state/error-state';
import { UserLink } from '@/components/user-link/user-link';
import { timeLeft } from '@/features/groups/components/mute-duration';
import { timeLeftText } from '@/features/groups/components/mute-duration-text';
import { RouterAnchor } from '@/routes/-components/router-anchor';
import { isBlocker, type Check, type Finding, type GroupRef, type Subject } from './relationship-checks';
import { RelationshipFix } from './relationship-fix';

// One line per finding, and the loading / error / skipped line of a check that has none yet.

export const GroupLink = ({ app, group }: { app: string; group: GroupRef }) => (
  <RouterAnchor to="/$app/groups/$groupId" params={{ app, groupId: group.id }}>
    {group.name || group.id}
  </RouterAnchor>
);

const MARK = '\u0001';

/** A translated sentence whose placeholders in `nodes` become elements (links), the rest plain text. */
export function rich(t: TFunction, key: TKey, vars: Record<string, unknown>, nodes: Record<string, ReactNode>): ReactNode[] {
  const markers = Object.fromEntries(Object.keys(nodes).map((k) => [k, `${MARK}${k}${MARK}`]));
  return t(key, { ...vars, ...markers })
    .split(MARK)
    .map((part, i) => (i % 2 === 1 ? <Fragment key={i}>{nodes[part]}</Fragment> : part));
}

function findingText(t: TFunction, app: string, f: Finding, now: number): ReactNode[] {
  const u = (user: string) => <UserLink app={app} username={user} />;
  switch (f.kind) {
    case 'missing':
      // No user page to link to.
      return [t('relationship.missing', { user: f.user })];
    case 'banned':
    case 'active':
      return rich(t, `relationship.${f.kind}`, {}, { user: u(f.user) });
    case 'friend':
      return f.remark
        ? rich(t, 'relationship.friend', { remark: f.remark }, { owner: u(f.owner), other: u(f.other) })
        : rich(t, 'relationship.friendNoRemark', {}, { owner: u(f.owner), other: u(f.other) });
    case 'notFriend':
    case 'blocked':
    case 'notBlocked':
      return rich(t, `relationship.${f.kind}`, {}, { owner: u(f.owner), other: u(f.other) });
    case 'muted':
      return f.until === null
        ? rich(t, 'relationship.mutedPermanent', {}, { user: u(f.user) })
        : rich(t, 'relationship.muted', { left: timeLeftText(t, timeLeft(f.until, now)) }, { user: u(f.user) });
    case 'mutedAll':
    case 'whitelisted':
      return rich(t, `relationship.${f.kind}`, {}, { user: u(f.user) });
    case 'groupClear':
      return [t('relationship.groupClear')];
    case 'groupBlocked':
      return rich(t, 'relationship.groupBlocked', {}, { user: u(f.user), member: u(f.member), group: <GroupLink app={app} group={f.group} /> });
  }
}

const NOTES = new Set<Finding['kind']>(['friend', 'notFriend', 'whitelisted']);

type Severity = 'blocker' | 'ok' | 'note' | 'skipped';
const SEVERITY_COLOR: Record<Severity, string> = { blocker: 'red', ok: 'green', note: 'gray', skipped: 'gray' };

export function SeverityBadge({ severity }: { severity: Severity }) {
  const { t } = useTranslation();
  return (
    <Badge color={SEVERITY_COLOR[severity]} variant="dot" miw={120} style={{ flexShrink: 0 }}>
      {t(`relationship.${severity}`)}
    </Badge>
  );
}

/** A line of the report: its badge, its sentence, and what can be done about it. */
export function ReportLine({ severity, children, action }: { severity: Severity; children: (id: string) => ReactNode; action?: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <Group component="li" gap="sm" wrap="nowrap" align="flex-start">
      <SeverityBadge severity={severity} />
      <Text id={id} size="sm" style={{ flex: 1 }}>
        {children(id)}
      </Text>
      {action?.(id)}
    </Group>
  );
}

export function FindingLine({ app, finding, now }: { app: string; finding: Finding; now: number }) {
  const { t } = useTranslation();
  const severity: Severity = isBlocker(finding) ? 'blocker' : NOTES.has(finding.kind) ? 'note' : 'ok';
  return (
    <ReportLine
      severity={severity}
      action={(id) => (
        <>
          <RelationshipFix app={app} finding={finding} describedBy={id} />
          {finding.kind === 'mutedAll' && (
            <RouterAnchor to="/$app/groups/$groupId/mutes" params={{ app, groupId: finding.group.id }} size="sm" aria-describedby={id} style={{ flexShrink: 0 }}>
              {t('relationship.openMutes')}
            </RouterAnchor>
          )}
        </>
      )}
    >
      {() => findingText(t, app, finding, now)}
    </ReportLine>
  );
}

/** "Checking whether alice has blocked bob…" / "Could not check whether…", per subject. */
export function subjectText(t: TFunction, s: Subject, state: 'checking' | 'failed'): string {
  switch (s.kind) {
    case 'account':
      return t(state === 'checking' ? 'relationship.checkingAccount' : 'relationship.failedAccount', { user: s.user });
    case 'friend':
      return t(state === 'checking' ? 'relationship.checkingFriend' : 'relationship.failedFriend', { owner: s.owner, other: s.other });
    case 'block':
      return t(state === 'checking' ? 'relationship.checkingBlock' : 'relationship.failedBlock', { owner: s.owner, other: s.other });
    case 'groups':
      return t(state === 'checking' ? 'relationship.checkingGroups' : 'relationship.failedGroups');
    case 'group':
      return t(state === 'checking' ? 'relationship.checkingGroup' : 'relationship.failedGroup', { group: s.group.name || s.group.id });
    case 'groupBlacklist':
      return state === 'checking'
        ? t('relationship.checkingBlacklists', { count: 1 })
        : t('relationship.failedBlacklist', { user: s.user, group: s.group.name || s.group.id });
  }
}

export function PendingLine({ text }: { text: string }) {
  return (
    <Group component="li" gap="sm" wrap="nowrap">
      <Loader size="xs" aria-hidden />
      <Text size="sm" c="dimmed">
        {text}
      </Text>
    </Group>
  );
}

/** Everything one check shows: its state while it runs or failed, then its findings. */
export function CheckLines({ app, check, now }: { app: string; check: Check; now: number }) {
  const { t } = useTranslation();
  switch (check.status) {
    case 'pending':
      return <PendingLine text={subjectText(t, check.subject, 'checking')} />;
    case 'error':
      return (
        <li>
          <ErrorState title={subjectText(t, check.subject, 'failed')} error={check.error} onRetry={check.retry} />
        </li>
      );
    case 'skipped':
      return <ReportLine severity="skipped">{() => t('relationship.skippedMissing')}</ReportLine>;
    case 'success':
      return check.findings.map((f, i) => <FindingLine key={i} app={app} finding={f} now={now} />);
  }
}
