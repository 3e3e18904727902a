import { Anchor, Button, Checkbox, Group, NativeSelect, Paper, SimpleGrid, Stack, Table, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { PageHeading } from '../../components/PageHeading.js';
import { useT } from '../../i18n/useT.js';
import { Problem } from './Problem.js';
import { SITE_KINDS, useCreateSite, useSites, type SiteKind, type Vaccine } from './vaccinationApi.js';
import { DataTable } from '../../components/DataTable.js';

/** `/vaccination` for a site manager (and `/vaccination/sites`): the sites, and a form to add one. */
export function SitesPage() {
  const { t } = useT();
  const sites = useSites();
  const create = useCreateSite();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<SiteKind>('vardcentral');
  const [postalCode, setPostalCode] = useState('');
  const [municipalityCode, setMunicipalityCode] = useState('');
  const [influenza, setInfluenza] = useState(true);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const vaccines: Vaccine[] = influenza ? ['covid-19', 'influenza'] : ['covid-19'];
    create.mutate({ name, kind, vaccines, ...(postalCode ? { postalCode } : {}), ...(municipalityCode ? { municipalityCode } : {}) }, { onSuccess: () => setName('') });
  };
  return (
    <>
      <PageHeading title={t('vaccination.sites.title')} />
      <Stack gap="lg" maw={900}>
        <DataTable minWidth={560} aria-label={t('vaccination.sites.title')} striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('vaccination.sites.name')}</Table.Th>
                <Table.Th>{t('vaccination.sites.kind')}</Table.Th>
                <Table.Th>{t('vaccination.sites.postalCode')}</Table.Th>
                <Table.Th>{t('vaccination.sites.vaccines')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(sites.data?.sites ?? []).map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Th scope="row">
                    <Anchor component={Link} to={`/vaccination/sites/${s.id}`}>
                      {s.name}
                    </Anchor>
                  </Table.Th>
                  <Table.Td>{t(`vaccination.kinds.${s.kind}`)}</Table.Td>
                  <Table.Td>{s.postalCode ?? '–'}</Table.Td>
                  <Table.Td>{s.vaccines.join(', ')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </DataTable>
        <Paper withBorder p="md" component="form" onSubmit={submit} noValidate aria-labelledby="new-site">
          <Title order={2} size="h3" id="new-site" mb="sm">
            {t('vaccination.sites.add')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('vaccination.sites.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} required />
            <NativeSelect label={t('vaccination.sites.kind')} value={kind} onChange={(e) => setKind(e.currentTarget.value as SiteKind)} data={SITE_KINDS.map((k) => ({ value: k, label: t(`vaccination.kinds.${k}`) }))} />
            <TextInput label={t('vaccination.sites.postalCode')} value={postalCode} onChange={(e) => setPostalCode(e.currentTarget.value)} />
            <TextInput label={t('vaccination.sites.municipalityCode')} value={municipalityCode} onChange={(e) => setMunicipalityCode(e.currentTarget.value)} />
          </SimpleGrid>
          <Checkbox mt="sm" label={t('vaccination.sites.influenzaToo')} checked={influenza} onChange={(e) => setInfluenza(e.currentTarget.checked)} />
          {create.isError && <Problem error={create.error} />}
          <Group mt="md">
            <Button type="submit" loading={create.isPending} disabled={name.trim().length < 2}>
              {t('vaccination.sites.create')}
            </Button>
          </Group>
        </Paper>
      </Stack>
    </>
  );
}
