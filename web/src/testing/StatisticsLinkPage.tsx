import { Anchor, Paper, Text } from '@mantine/core';
import { Link } from 'react-router';
import { PageHeading } from '../components/PageHeading.js';
import { useT } from '../i18n/useT.js';

/** `/testing` for roles that see aggregated figures only: a way to the statistics. */
export function StatisticsLinkPage() {
  const { t } = useT();
  return (
    <>
      <PageHeading title={t('testing.title')} />
      <Paper withBorder p="lg" maw={640}>
        <Text>{t('testing.statistics.intro')}</Text>
        <Anchor component={Link} to="/testing/statistics" mt="md" display="inline-block" fw={600}>
          {t('testing.statistics.link')}
        </Anchor>
      </Paper>
    </>
  );
}
