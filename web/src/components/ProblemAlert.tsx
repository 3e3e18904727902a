import { Alert, Button, List, Text } from '@mantine/core';
import { isApiError } from '../api.js';
import { useT } from '../i18n/useT.js';

export interface ProblemAlertProps {
  error: unknown;
  onRetry?: () => void;
}

/** Shows an `application/problem+json` error (or any other error) with its field problems. */
export function ProblemAlert({ error, onRetry }: ProblemAlertProps) {
  const { t, tMaybe } = useT();
  const problem = isApiError(error) ? error.problem : null;
  const unreachable = problem?.status === 0;
  return (
    <Alert color="red" variant="light" title={t('errors.title')} role="alert" my="md">
      {problem === null && <Text size="sm">{t('errors.unexpected')}</Text>}
      {unreachable && <Text size="sm">{t('errors.network')}</Text>}
      {problem !== null && !unreachable && (
        <>
          <Text size="sm" fw={600}>
            {problem.title}
          </Text>
          {problem.detail && <Text size="sm">{problem.detail}</Text>}
        </>
      )}
      {problem?.errors && problem.errors.length > 0 && (
        <>
          <Text size="sm" mt="xs">
            {t('errors.fieldsIntro')}
          </Text>
          <List size="sm">
            {problem.errors.map((e, i) => (
              <List.Item key={`${e.field}-${i}`}>
                <strong>{e.label ?? tMaybe(`fields.${e.field}`, e.field)}</strong>: {e.message}
              </List.Item>
            ))}
          </List>
        </>
      )}
      {onRetry && (
        <Button variant="outline" color="red" size="xs" mt="sm" onClick={onRetry}>
          {t('errors.retry')}
        </Button>
      )}
    </Alert>
  );
}
