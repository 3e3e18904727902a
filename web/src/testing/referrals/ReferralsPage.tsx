import { useState } from 'react';
import { SegmentedControl, Stack, Text } from '@mantine/core';
import { PageHeading } from '../../components/PageHeading.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { PageLoader } from '../../components/PageLoader.js';
import { useT } from '../../i18n/useT.js';
import { ReferralsTable } from './ReferralsTable.js';
import { REFERRAL_FILTERS, useUnitReferrals, type ReferralFilter } from './referralsApi.js';

/** `/testing` for a clinician: the unit's referrals with their states and answers; the overdue ones flagged. */
export function ReferralsPage() {
  const { t } = useT();
  const [filter, setFilter] = useState<ReferralFilter>('all');
  const list = useUnitReferrals(filter);
  return (
    <>
      <PageHeading title={t('testing.referrals.listTitle')} />
      <Stack gap="md">
        {list.data && <Text maw={720}>{t('testing.referrals.listIntro', { hours: list.data.overdueHours })}</Text>}
        <SegmentedControl value={filter} onChange={(v) => setFilter(v as ReferralFilter)} data={REFERRAL_FILTERS.map((f) => ({ value: f, label: t(`testing.referrals.filters.${f}`) }))} w="fit-content" />
        {list.isPending && <PageLoader />}
        {list.isError && <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />}
        {list.data && <ReferralsTable referrals={list.data.referrals} caption={t('testing.referrals.unitCaption')} view="unit" />}
      </Stack>
    </>
  );
}
