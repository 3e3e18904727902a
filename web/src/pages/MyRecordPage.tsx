import { Text } from '@mantine/core';
import { useMyRecord } from '../api.js';
import { useT } from '../i18n/useT.js';
import { MyRecordTable } from '../components/MyRecordTable.js';
import { PageHeading } from '../components/PageHeading.js';
import { PageLoader } from '../components/PageLoader.js';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { RegisterExtractButton } from '../privacy/RegisterExtractButton.js';

/** `/my-record`: a citizen sees who has read their information, and downloads everything held about them. */
export function MyRecordPage() {
  const { t } = useT();
  const record = useMyRecord();
  return (
    <>
      <PageHeading title={t('myRecord.title')} />
      <RegisterExtractButton />
      <Text mb="lg" maw={720}>
        {t('myRecord.intro')}
      </Text>
      {record.isPending && <PageLoader />}
      {record.isError && <ProblemAlert error={record.error} onRetry={() => void record.refetch()} />}
      {record.data &&
        (record.data.entries.length === 0 ? (
          <Text>{t('myRecord.empty')}</Text>
        ) : (
          <MyRecordTable entries={record.data.entries} />
        ))}
    </>
  );
}
