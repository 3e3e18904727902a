import { Anchor, Paper, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { SectionId } from '../navigation.js';
import { useT } from '../i18n/useT.js';
import { PageHeading } from '../components/PageHeading.js';

/** Placeholder for a section that is not built yet. */
export function ComingSoonPage({ section }: { section: SectionId }) {
  const { t } = useT();
  return (
    <>
      <PageHeading title={t(`sections.${section}`)} />
      <Paper withBorder p="lg" maw={640}>
        <Title order={2} size="h3">
          {t('comingSoon.heading')}
        </Title>
        <Text mt="xs">{t('comingSoon.text')}</Text>
        <Anchor component={Link} to="/" mt="md" display="inline-block">
          {t('common.backToStart')}
        </Anchor>
      </Paper>
    </>
  );
}
