import { Alert, List, Text } from '@mantine/core';
import { isApiError } from '../api.js';
import { useT } from '../i18n/useT.js';

export interface TestingProblemProps {
  error: unknown;
  /** A plain-language headline for the problem; the server's detail and field messages follow. */
  headline?: string;
}

/** A problem+json error from the testing API, with its detail and field messages (field names in Swedish). */
export function TestingProblem({ error, headline }: TestingProblemProps) {
  const { t, tMaybe } = useT();
  const problem = isApiError(error) ? error.problem : null;
  const unreachable = problem?.status === 0;
  const fieldErrors = problem?.errors ?? [];
  // The detail repeats a single field message; show it only when it says more.
  const detail = problem?.detail && !(fieldErrors.length === 1 && problem.detail.endsWith(fieldErrors[0]!.message)) ? problem.detail : null;
  return (
    <Alert color="red" variant="light" title={headline ?? t('testing.problem.title')} role="alert" my="md" maw={720}>
      {problem === null && <Text size="sm">{t('errors.unexpected')}</Text>}
      {unreachable && <Text size="sm">{t('errors.network')}</Text>}
      {detail && !unreachable && <Text size="sm">{t('testing.problem.detail', { detail })}</Text>}
      {fieldErrors.length > 0 && (
        <>
          <Text size="sm" mt="xs">
            {t('testing.problem.fieldsIntro')}
          </Text>
          <List size="sm">
            {fieldErrors.map((e, i) => (
              <List.Item key={`${e.field}-${i}`}>
                <strong>{tMaybe(`testing.fields.${e.field}`, e.field)}</strong>: {e.message}
              </List.Item>
            ))}
          </List>
        </>
      )}
    </Alert>
  );
}
