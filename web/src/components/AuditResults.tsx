import { Text, Title } from '@mantine/core';
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import type { ResponseOf } from '../api.js';
import { useT } from '../i18n/useT.js';
import { AuditResultsTable } from './AuditResultsTable.js';
import { PageLoader } from './PageLoader.js';
import { ProblemAlert } from './ProblemAlert.js';
import { ShowMoreButton } from './ShowMoreButton.js';

export interface AuditResultsProps {
  search: UseInfiniteQueryResult<InfiniteData<ResponseOf<'/api/audit/search'>>>;
}

export function AuditResults({ search }: AuditResultsProps) {
  const { t } = useT();
  const entries = search.data?.pages.flatMap((page) => page.entries) ?? [];
  return (
    <section aria-labelledby="audit-results-heading">
      <Title order={2} size="h3" id="audit-results-heading" mt="xl" mb="sm">
        {t('audit.resultsHeading')}
      </Title>
      {search.isPending && <PageLoader />}
      {search.isError && <ProblemAlert error={search.error} />}
      {search.data && (
        <>
          <Text role="status" size="sm" mb="xs">
            {entries.length === 0 ? t('audit.empty') : t(search.hasNextPage ? 'common.showingCountMore' : 'common.showingCount', { count: entries.length })}
          </Text>
          {entries.length > 0 && <AuditResultsTable entries={entries} />}
          {search.hasNextPage && (
            <ShowMoreButton onClick={() => void search.fetchNextPage()} loading={search.isFetchingNextPage} />
          )}
        </>
      )}
    </section>
  );
}
