import { useState } from 'react';
import { Text } from '@mantine/core';
import { isApiError, useAuditSearch, type AuditFilters } from '../api.js';
import { useT } from '../i18n/useT.js';
import { AuditChainCheck } from '../components/AuditChainCheck.js';
import { AuditResults } from '../components/AuditResults.js';
import { AuditSearchForm } from '../components/AuditSearchForm.js';
import { PageHeading } from '../components/PageHeading.js';

/** `/admin/audit` (region_admin): search the audit log and verify its chain. */
export function AuditPage() {
  const { t } = useT();
  const [filters, setFilters] = useState<AuditFilters | null>(null);
  const search = useAuditSearch(filters);
  const fieldErrors = isApiError(search.error) ? search.error.fieldErrors : [];

  // Searching again with the same filters asks the server again (results are never refetched on their own).
  const onSearch = (next: AuditFilters) => {
    if (filters !== null && JSON.stringify(next) === JSON.stringify(filters)) void search.refetch();
    else setFilters(next);
  };
  return (
    <>
      <PageHeading title={t('audit.title')} />
      <Text mb="lg" maw={720}>
        {t('audit.intro')}
      </Text>
      <AuditSearchForm onSearch={onSearch} fieldErrors={fieldErrors} searching={search.isFetching && !search.isFetchingNextPage} />
      {filters !== null && <AuditResults search={search} />}
      <AuditChainCheck />
    </>
  );
}
