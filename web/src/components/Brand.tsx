import { Anchor, Group, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useT } from '../i18n/useT.js';

/** "Lägesbild" and the region's name, linking to the start page. */
export function Brand({ regionName }: { regionName?: string | undefined }) {
  const { t } = useT();
  return (
    <Group gap="sm" wrap="nowrap">
      <img src="/favicon.svg" alt="" width={28} height={28} />
      <div>
        <Anchor component={Link} to="/" underline="never" c="var(--mantine-color-text)" fw={700} size="lg">
          {t('app.name')}
        </Anchor>
        {regionName && (
          <Text size="xs" c="dimmed" lh={1.2}>
            {regionName}
          </Text>
        )}
      </div>
    </Group>
  );
}
