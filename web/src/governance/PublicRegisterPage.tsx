import { useState } from 'react';
import { Alert, Anchor, Container, List, Table, Text, Title } from '@mantine/core';
import { Link, Route, Routes, useParams } from 'react-router';
import { useAuthConfig } from '../api.js';
import { CaptionedTable } from '../components/CaptionedTable.js';
import { PageHeading } from '../components/PageHeading.js';
import { PublicHeader } from '../components/PublicHeader.js';
import { MAIN_CONTENT_ID, SkipLink } from '../components/SkipLink.js';
import { useT } from '../i18n/useT.js';
import { QueryStatus } from '../tracing/QueryStatus.js';
import { CaseHeading } from './CaseHeading.js';
import { usePublicCase, usePublicCases, type Filters } from './governanceApi.js';
import { SearchForm } from './SearchForm.js';
import { SearchHits } from './SearchHits.js';

/** `/register/*`, outside the login: the committee's public register, searchable, secret parts withheld. */
export function PublicRegisterPage() {
  const config = useAuthConfig();
  return (
    <>
      <SkipLink />
      <PublicHeader regionName={config.data?.regionName} />
      <Container size="md" py="xl" component="main" id={MAIN_CONTENT_ID} tabIndex={-1}>
        <Routes>
          <Route index element={<RegisterList />} />
          <Route path=":id" element={<PublicCasePage />} />
        </Routes>
      </Container>
    </>
  );
}

function RegisterList() {
  const { t } = useT();
  const [filters, setFilters] = useState<Filters>({});
  const query = usePublicCases(filters);
  return (
    <>
      <PageHeading title={t('governance.public.title')} />
      <Text mb="md">{t('governance.public.intro')}</Text>
      <SearchForm onSearch={setFilters} />
      <QueryStatus query={query} />
      {query.data && filters.q && <SearchHits hits={query.data.hits} base="/register" />}
      {query.data && !filters.q && (
        <CaptionedTable caption={t('governance.cases.table')} minWidth={600} columns={[t('governance.cases.columns.caseNumber'), t('governance.cases.columns.title'), t('governance.cases.columns.status')]}>
          {query.data.cases.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>
                <Anchor component={Link} to={`/register/${c.id}`}>
                  {c.caseNumber}
                </Anchor>
              </Table.Td>
              <Table.Td>{c.title}</Table.Td>
              <Table.Td>{t(`governance.statuses.${c.status}`)}</Table.Td>
            </Table.Tr>
          ))}
        </CaptionedTable>
      )}
      <Anchor component={Link} to="/login" mt="xl" display="inline-block">
        {t('governance.public.toLogin')}
      </Anchor>
    </>
  );
}

function PublicCasePage() {
  const { id = '' } = useParams();
  const { t } = useT();
  const query = usePublicCase(id);
  const c = query.data;
  return (
    <>
      <QueryStatus query={query} />
      {c && (
        <>
          <CaseHeading c={c} />
          {c.proposer && (
            <Text>
              {t('governance.case.proposer')}: {c.proposer.name ?? t('governance.public.nameNotPublished')}
            </Text>
          )}
          <Title order={2} size="h3" mt="md">
            {t('governance.case.path')}
          </Title>
          <List>
            {c.path.map((p, i) => (
              <List.Item key={i}>
                {p.occurredOn}: {p.event}
              </List.Item>
            ))}
          </List>
          {c.memo && (
            <>
              <Title order={2} size="h3" mt="md">
                {t('governance.case.memo')}
              </Title>
              <Text>
                <strong>{t('governance.meeting.proposal')}:</strong> {c.memo.proposal.join(' ')}
              </Text>
              {c.memo.summary && <Text mt="xs">{c.memo.summary}</Text>}
            </>
          )}
          {c.decisions.map((d) => (
            <Alert key={`${d.heldOn}-${d.position}`} color="green" variant="light" mt="md" title={`${t('governance.meeting.decision')}, ${d.body} ${d.heldOn} § ${d.position}`}>
              {(d.decision ?? []).join(' ')}
            </Alert>
          ))}
          <Title order={2} size="h3" mt="md">
            {t('governance.case.documents')}
          </Title>
          <List>
            {c.documents.map((d) => (
              <List.Item key={d.id}>
                {d.secret ? t('governance.public.withheld', { ground: d.secrecyGround ?? '' }) : `${d.registeredOn} ${d.title}`}
              </List.Item>
            ))}
          </List>
          <Anchor component={Link} to="/register" mt="xl" display="inline-block">
            {t('governance.public.back')}
          </Anchor>
        </>
      )}
    </>
  );
}
