import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { SectionId } from '../navigation.js';
import { useT } from '../i18n/useT.js';
import { PageHeading } from '../components/PageHeading.js';

export function ForbiddenPage({ section }: { section: SectionId }) {
  const { t } = useT();
  return (
    <>
      <PageHeading title={t('forbidden.title')} />
      <Text>{t('forbidden.text', { section: t(`sections.${section}`) })}</Text>
      <Anchor component={Link} to="/" mt="md" display="inline-block">
        {t('common.backToStart')}
      </Anchor>
    </>
  );
}
