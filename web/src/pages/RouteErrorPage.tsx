import { Button, Container } from '@mantine/core';
import { useRouteError } from 'react-router';
import { useT } from '../i18n/useT.js';
import { PageHeading } from '../components/PageHeading.js';
import { ProblemAlert } from '../components/ProblemAlert.js';

/** Shown when rendering a route throws (for example a page chunk that no longer exists after a deploy). */
export function RouteErrorPage() {
  const { t } = useT();
  const error = useRouteError();
  return (
    <Container size="sm" py="xl" component="main">
      <PageHeading title={t('errors.title')} />
      <ProblemAlert error={error} />
      <Button onClick={() => window.location.reload()}>{t('errors.reload')}</Button>
    </Container>
  );
}
