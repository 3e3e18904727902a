import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useT } from '../i18n/useT.js';
import { PageHeading } from '../components/PageHeading.js';

export function NotFoundPage() {
  const { t } = useT();
  return (
    <>
      <PageHeading title={t('notFound.title')} />
      <Text>{t('notFound.text')}</Text>
      <Anchor component={Link} to="/" mt="md" display="inline-block">
        {t('common.backToStart')}
      </Anchor>
    </>
  );
}
