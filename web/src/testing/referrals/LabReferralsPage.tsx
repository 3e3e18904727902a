import { Stack, Text } from '@mantine/core';
import { PageHeading } from '../../components/PageHeading.js';
import { PageLoader } from '../../components/PageLoader.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useT } from '../../i18n/useT.js';
import { ReferralsTable } from './ReferralsTable.js';
import { useExpectedReferrals } from './referralsApi.js';

/** `/testing/referrals` for the lab: referrals written but not yet answered, the overdue first. */
export function LabReferralsPage() {
  const { t } = useT();
  const list = useExpectedReferrals();
  return (
    <>
      <PageHeading title={t('testing.referrals.labTitle')} />
      <Stack gap="md">
        {list.data && <Text maw={720}>{t('testing.referrals.labIntro', { hours: list.data.overdueHours })}</Text>}
        {list.isPending && <PageLoader />}
        {list.isError && <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />}
        {list.data && <ReferralsTable referrals={list.data.referrals} caption={t('testing.referrals.labCaption')} view="lab" />}
      </Stack>
    </>
  );
}
