import { Container } from '@mantine/core';
import { isUnauthorized, useSession } from '../api.js';
import { ActorContext } from '../ActorContext.js';
import { AppLayout } from './AppLayout.js';
import { PageLoader } from './PageLoader.js';
import { ProblemAlert } from './ProblemAlert.js';

/**
 * Renders the shell once `GET /api/session` says who is signed in. A 401 is
 * turned into a redirect to /login by the query client (see main.tsx), so
 * here it only shows the loader until the redirect happens.
 */
export function SessionGate() {
  const session = useSession();
  if (session.data) {
    return (
      <ActorContext value={session.data.actor}>
        <AppLayout />
      </ActorContext>
    );
  }
  if (session.isError && !isUnauthorized(session.error)) {
    return (
      <Container size="sm" py="xl" component="main">
        <ProblemAlert error={session.error} onRetry={() => void session.refetch()} />
      </Container>
    );
  }
  return <PageLoader />;
}
