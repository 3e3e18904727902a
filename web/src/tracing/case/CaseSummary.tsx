import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { DateTime } from '../../components/DateTime.js';
import { useT } from '../../i18n/useT.js';
import { CaseFlags } from '../CaseFlags.js';
import { CasePanel } from '../CasePanel.js';
import { Facts, type Fact } from '../Facts.js';
import { PhoneLink } from '../PhoneLink.js';
import { PriorityBadge } from '../PriorityBadge.js';
import type { CaseFile } from './caseApi.js';

const when = (iso: string | null, missing: string) => (iso ? <DateTime iso={iso} /> : missing);

/** Who the index is, why the case has its priority, and its deadlines. */
export function CaseSummary({ file }: { file: CaseFile }) {
  const { t, tMaybe } = useT();
  const c = file.case;
  const none = t('tracing.case.none');
  const facts: Fact[] = [
    { label: t('tracing.case.identityNumber'), value: c.identityNumber },
    { label: t('tracing.case.phone'), value: c.phone ? <PhoneLink phone={c.phone} /> : t('tracing.queue.noPhone') },
    { label: t('tracing.case.positiveTakenAt'), value: <DateTime iso={c.positiveTakenAt} /> },
    { label: t('tracing.case.openedAt'), value: <DateTime iso={c.openedAt} /> },
    { label: t('tracing.case.questionnaireDueAt'), value: when(c.questionnaireDueAt, none) },
    { label: t('tracing.case.questionnaireSentAt'), value: when(c.questionnaireSentAt, t('tracing.case.notYet')) },
    { label: t('tracing.case.firstCallDueAt'), value: when(c.firstCallDueAt, none) },
    { label: t('tracing.case.firstCallAt'), value: when(c.firstCallAt, t('tracing.case.notYet')) },
    { label: t('tracing.case.assignee'), value: c.assignedToName ?? t('tracing.queue.unassigned') },
  ];
  if (c.indexCaseId) {
    facts.push({
      label: t('tracing.case.indexCase'),
      value: (
        <Anchor component={Link} to={`/tracing/cases/${c.indexCaseId}`}>
          {t('tracing.case.indexCaseLink')}
        </Anchor>
      ),
    });
  }
  if (file.outbreaks.length > 0) {
    facts.push({
      label: t('tracing.case.outbreaks'),
      value: (
        <Group gap="xs" component="span">
          {file.outbreaks.map((o) => (
            <Anchor key={o.id} component={Link} to={`/tracing/outbreaks/${o.id}`}>
              {o.label}
            </Anchor>
          ))}
        </Group>
      ),
    });
  }
  if (file.sequencing) {
    const reasons = file.sequencing.reasons.map((r) => tMaybe(`tracing.sequencing.reasons.${r}`, r)).join(', ');
    facts.push({
      label: t('tracing.case.sequencing'),
      value: t('tracing.case.sequencingValue', { reasons, variant: file.sequencing.variant ?? t('tracing.sequencing.noVariant') }),
    });
  }

  return (
    <CasePanel id="case-summary" title={t('tracing.case.summary')}>
      <Stack gap="sm">
        <Group gap="xs">
          <PriorityBadge priority={c.priority} />
          <Badge color={c.status === 'open' ? 'blue' : 'gray'} variant="light" tt="none">
            {t(`tracing.case.status.${c.status}`)}
          </Badge>
          <CaseFlags overdue={c.overdue} possibleReinfection={c.possibleReinfection} />
          {c.severeIllness && (
            <Badge color="red" variant="light" tt="none">
              {t('tracing.case.severeIllness')}
            </Badge>
          )}
        </Group>
        <Text>
          <strong>{t('tracing.case.why', { priority: c.priority })}</strong> {c.priorityReason}
        </Text>
        <Facts facts={facts} />
      </Stack>
    </CasePanel>
  );
}
