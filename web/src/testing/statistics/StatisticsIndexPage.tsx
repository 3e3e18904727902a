import { Anchor, List, Text } from '@mantine/core';
import { Link } from 'react-router';
import { PageHeading } from '../../components/PageHeading.js';
import { useT } from '../../i18n/useT.js';

/** Lists the statistics pages. */
export function StatisticsIndexPage() {
  const { t } = useT();
  return (
    <>
      <PageHeading title={t('testingStats.title')} />
      <Text mb="md">{t('testingStats.intro')}</Text>
      <List spacing="sm">
        <List.Item>
          <Anchor component={Link} to="weekly">
            {t('testingStats.weekly.title')}
          </Anchor>
        </List.Item>
        <List.Item>
          <Anchor component={Link} to="capacity">
            {t('testingStats.capacity.title')}
          </Anchor>
        </List.Item>
        <List.Item>
          <Anchor component={Link} to="reimbursement">
            {t('testingStats.reimbursement.title')}
          </Anchor>
        </List.Item>
        <List.Item>
          <Anchor component={Link} to="rates">
            {t('testingStats.rates.title')}
          </Anchor>
        </List.Item>
      </List>
    </>
  );
}
