import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useT } from '../i18n/useT.js';
import type { SearchHit } from './governanceApi.js';
import { Snippet } from './Snippet.js';

/** Ranked hits with their highlighted passages; each links to its case under `base`. */
export function SearchHits({ hits, base }: { hits: SearchHit[]; base: string }) {
  const { t } = useT();
  if (hits.length === 0) return <Text>{t('governance.search.none')}</Text>;
  return (
    <Stack gap="sm" component="ol" p={0} style={{ listStyle: 'none' }} aria-label={t('governance.search.results')}>
      {hits.map((h) => (
        <Paper component="li" key={`${h.kind}-${h.id}`} withBorder p="sm">
          <Title order={3} size="h5">
            <Anchor component={Link} to={`${base}/${h.caseId}`}>
              {h.caseNumber} {h.caseTitle}
            </Anchor>
          </Title>
          <Text size="xs" c="dimmed">
            {t(`governance.search.kinds.${h.kind}`)} · {t(`governance.types.${h.type}`)} · {t(`governance.statuses.${h.status}`)}
          </Text>
          <Text size="sm">
            <Snippet text={h.snippet} />
          </Text>
        </Paper>
      ))}
    </Stack>
  );
}
