import { Anchor, Card, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { sectionPath, type NavEntry } from '../navigation.js';
import { useT } from '../i18n/useT.js';

/** A start-page card for one of the role's sections. */
export function SectionCard({ entry }: { entry: NavEntry }) {
  const { t } = useT();
  return (
    <Card withBorder padding="lg" radius="md">
      <Title order={3} size="h4">
        <Anchor component={Link} to={sectionPath(entry.section)} inherit>
          {t(`sections.${entry.section}`)}
        </Anchor>
      </Title>
      <Text mt="xs">{t(`cards.${entry.card}`)}</Text>
    </Card>
  );
}
