import { Paper, Text, Title } from '@mantine/core';
import { useT } from '../../../i18n/useT.js';
import type { CriteriaDraft } from './draft.js';
import { criteriaInWords } from './words.js';

/** The criteria being written, in words, updated as the form changes. */
export function CriteriaPreview({ draft }: { draft: CriteriaDraft }) {
  const { t, language } = useT();
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="criteria-preview">
      <Title order={3} size="h5" id="criteria-preview" mb={4}>
        {t('vaccination.criteria.preview')}
      </Title>
      {criteriaInWords(t, language, draft).map((sentence) => (
        <Text key={sentence} size="sm">
          {sentence}
        </Text>
      ))}
    </Paper>
  );
}
