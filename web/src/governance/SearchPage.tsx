import { useState } from 'react';
import { PageHeading } from '../components/PageHeading.js';
import { useT } from '../i18n/useT.js';
import { QueryStatus } from '../tracing/QueryStatus.js';
import { useSearch, type Filters } from './governanceApi.js';
import { SearchForm } from './SearchForm.js';
import { SearchHits } from './SearchHits.js';

/** `/governance/search`: Swedish full-text search over what the signed-in role may see. */
export function SearchPage() {
  const { t } = useT();
  const [filters, setFilters] = useState<Filters>({});
  const query = useSearch(filters);
  return (
    <>
      <PageHeading title={t('governance.search.title')} />
      <SearchForm onSearch={setFilters} />
      {filters.q && <QueryStatus query={query} />}
      {query.data && <SearchHits hits={query.data.hits} base="/governance/cases" />}
    </>
  );
}
