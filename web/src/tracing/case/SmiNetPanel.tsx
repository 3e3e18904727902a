import type { FormEvent } from 'react';
import { Badge, Button, Group, NativeSelect, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { DateTime } from '../../components/DateTime.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useT } from '../../i18n/useT.js';
import { CasePanel } from '../CasePanel.js';
import { useTextFields } from '../useTextFields.js';
import { SMINET_SETTINGS, useReportToSmiNet, type NotificationStatus, type SmiNetNotification, type SmiNetReport, type SmiNetSetting } from './caseApi.js';

const STATUS_COLOURS: Record<NotificationStatus, string> = { queued: 'yellow', sent: 'green', failed: 'red' };

export interface SmiNetPanelProps {
  caseId: string;
  notification: SmiNetNotification | null;
  editable: boolean;
}

/** The clinical notification to SmiNet: a form until it is made, then its delivery status. */
export function SmiNetPanel({ caseId, notification, editable }: SmiNetPanelProps) {
  const { t } = useT();
  return (
    <CasePanel id="case-sminet" title={t('tracing.case.sminet.title')}>
      {notification ? (
        <Stack gap="xs">
          <Group gap="xs">
            <Badge color={STATUS_COLOURS[notification.status]} variant="light" tt="none">
              {t(`tracing.case.sminet.statuses.${notification.status}`)}
            </Badge>
          </Group>
          <Text size="sm">
            {t('tracing.case.sminet.createdAt')} <DateTime iso={notification.createdAt} />
          </Text>
          {notification.sentAt && (
            <Text size="sm">
              {t('tracing.case.sminet.sentAt')} <DateTime iso={notification.sentAt} />
              {notification.reference && ` · ${t('tracing.case.sminet.reference', { reference: notification.reference })}`}
            </Text>
          )}
          {notification.status === 'failed' && notification.error && (
            <Text size="sm" c="red.8">
              {notification.error}
            </Text>
          )}
        </Stack>
      ) : editable ? (
        <SmiNetForm caseId={caseId} />
      ) : (
        <Text>{t('tracing.case.sminet.none')}</Text>
      )}
    </CasePanel>
  );
}

function SmiNetForm({ caseId }: { caseId: string }) {
  const { t } = useT();
  const { values, field } = useTextFields({ country: 'SE', place: '', setting: 'unknown', comment: '' });
  const country = values.country.trim();
  const report = useReportToSmiNet(caseId);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const body: SmiNetReport = { likelyInfectionCountry: country.toUpperCase() };
    if (values.place.trim()) body.likelyInfectionPlace = values.place.trim();
    body.setting = values.setting as SmiNetSetting;
    if (values.comment.trim()) body.comment = values.comment.trim();
    report.mutate(body);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Text size="sm" mb="sm">
        {t('tracing.case.sminet.intro')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label={t('tracing.case.sminet.country')}
          description={t('tracing.case.sminet.countryHelp')}
          required
          maxLength={2}
          {...field('country')}
        />
        <TextInput label={t('tracing.case.sminet.place')} {...field('place')} />
        <NativeSelect
          label={t('tracing.case.sminet.setting')}
          data={SMINET_SETTINGS.map((s) => ({ value: s, label: t(`tracing.case.sminet.settings.${s}`) }))}
          {...field('setting')}
        />
      </SimpleGrid>
      <Textarea mt="sm" label={t('tracing.case.sminet.comment')} rows={2} {...field('comment')} />
      {report.isError && <ProblemAlert error={report.error} />}
      <Button type="submit" mt="sm" loading={report.isPending} disabled={!/^[A-Za-z]{2}$/.test(country)}>
        {t('tracing.case.sminet.submit')}
      </Button>
    </form>
  );
}
