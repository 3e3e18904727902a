import { Alert, List, Text } from '@mantine/core';
import { isApiError } from '../../api.js';
import { useT } from '../../i18n/useT.js';
import { inLanguage } from './fieldErrors.js';

/**
 * A problem from the vaccination API. The server writes conflicts in both languages ('sv … / en …'):
 * the part in the page's language is shown.
 */
export function Problem({ error }: { error: unknown }) {
  const { t, language } = useT();
  const problem = isApiError(error) ? error.problem : null;
  const detail = problem?.detail === undefined ? undefined : inLanguage(problem.detail, language);
  const fields = problem?.errors ?? [];
  return (
    <Alert color="red" variant="light" title={problem?.status === 409 ? t('vaccination.problem.conflict') : t('vaccination.problem.title')} role="alert" my="md" maw={720}>
      {problem === null && <Text size="sm">{t('errors.unexpected')}</Text>}
      {problem?.status === 0 && <Text size="sm">{t('errors.network')}</Text>}
      {detail && (fields.length !== 1 || !detail.endsWith(fields[0]!.message)) && <Text size="sm">{detail}</Text>}
      {fields.length > 0 && (
        <List size="sm">
          {fields.map((e, i) => (
            <List.Item key={`${e.field}-${i}`}>
              <strong>{e.field}</strong>: {e.message}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
