import type { UseQueryResult } from '@tanstack/react-query';
import { PageLoader } from '../components/PageLoader.js';
import { ProblemAlert } from '../components/ProblemAlert.js';

/** What a query shows besides its data: a loader until the first answer, the error with a retry when it fails. */
export function QueryStatus({ query }: { query: UseQueryResult<unknown> }) {
  return (
    <>
      {query.isPending && <PageLoader />}
      {query.isError && <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />}
    </>
  );
}
