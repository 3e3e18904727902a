import { Badge, Button, Card, Group, NativeSelect, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useActor } from '../ActorContext.js';
import { PageHeading } from '../components/PageHeading.js';
import { PageLoader } from '../components/PageLoader.js';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { useT } from '../i18n/useT.js';
import { createInitiative, updateInitiative, useAgreements, useInitiatives, useOrganisations, useReportingMutation, type Initiative, type InitiativeFields } from './api.js';
import { DataTable } from '../components/DataTable.js';

const STATUSES = ['planned', 'started', 'ongoing', 'completed'] as const satisfies readonly Initiative['status'][];
/** The form's fields: participants one a line, the gender perspective blank when not given. */
type InitiativeForm = Omit<InitiativeFields, 'version' | 'participants' | 'genderPerspective'> & { organisation: string; participants: string; genderPerspective: string };

/** `/reporting/initiatives`: the initiatives register of an agreement; a region's analyst adds and updates its own. */
export function InitiativesPage() {
  const { t } = useT();
  const { role } = useActor();
  const agreements = useAgreements();
  const [agreementId, setAgreementId] = useState<string | null>(null);
  const chosen = agreementId ?? agreements.data?.agreements[0]?.id ?? null;
  const initiatives = useInitiatives(chosen);
  return (
    <>
      <PageHeading title={t('reporting.initiatives.title')} />
      <Text mb="md" maw={720}>
        {t('reporting.initiatives.intro')}
      </Text>
      <NativeSelect label={t('reporting.initiatives.agreement')} data={(agreements.data?.agreements ?? []).map((a) => ({ value: a.id, label: a.name }))} value={chosen ?? ''} onChange={(e) => setAgreementId(e.currentTarget.value)} maw={480} mb="md" />
      {initiatives.isLoading && <PageLoader />}
      {initiatives.isError && <ProblemAlert error={initiatives.error} />}
      {initiatives.data && <InitiativesTable initiatives={initiatives.data.initiatives} editable={role === 'analyst'} />}
      {role === 'analyst' && chosen && <InitiativeForm agreementId={chosen} />}
    </>
  );
}

function InitiativesTable({ initiatives, editable }: { initiatives: Initiative[]; editable: boolean }) {
  const { t } = useT();
  const change = useReportingMutation(({ i, status }: { i: Initiative; status: Initiative['status'] }) =>
    updateInitiative(i.id, { version: i.version, title: i.title, developmentArea: i.developmentArea, focusArea: i.focusArea, targetGroup: i.targetGroup, status, reach: i.reach, participants: i.participants, privateProviders: i.privateProviders, measured: i.measured, genderPerspective: i.genderPerspective ?? undefined }),
  );
  if (initiatives.length === 0) return <Text>{t('reporting.initiatives.empty')}</Text>;
  return (
    <>
      {change.isError && <ProblemAlert error={change.error} />}
      <DataTable minWidth={900} striped withTableBorder captionSide="top">
          <Table.Caption>{t('reporting.initiatives.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              {(['title', 'organisation', 'developmentArea', 'focusArea', 'reach', 'status'] as const).map((c) => (
                <Table.Th key={c} scope="col">
                  {t(`reporting.initiatives.fields.${c}`)}
                </Table.Th>
              ))}
              <Table.Th scope="col">{t('reporting.initiatives.history')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {initiatives.map((i) => (
              <Table.Tr key={i.id}>
                <Table.Th scope="row">{i.title}</Table.Th>
                <Table.Td>{i.organisationName}</Table.Td>
                <Table.Td>{i.developmentArea}</Table.Td>
                <Table.Td>{i.focusArea}</Table.Td>
                <Table.Td>{t(`reporting.initiatives.reach.${i.reach}`)}</Table.Td>
                <Table.Td>
                  {editable ? (
                    <NativeSelect aria-label={`${t('reporting.initiatives.fields.status')}: ${i.title}`} data={STATUSES.map((s) => ({ value: s, label: t(`reporting.initiativeStatuses.${s}`) }))} value={i.status} onChange={(e) => change.mutate({ i, status: e.currentTarget.value as Initiative['status'] })} />
                  ) : (
                    <Badge variant="light">{t(`reporting.initiativeStatuses.${i.status}`)}</Badge>
                  )}
                </Table.Td>
                <Table.Td>{i.statusHistory.map((h) => t(`reporting.initiativeStatuses.${h.status as Initiative['status']}`)).join(' → ')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </DataTable>
    </>
  );
}

function InitiativeForm({ agreementId }: { agreementId: string }) {
  const { t } = useT();
  const { actor } = useActor();
  const organisations = useOrganisations();
  const regionId = actor.region.id;
  const mine = (organisations.data?.organisations ?? []).filter((o) => o.regionId === regionId);
  const empty: InitiativeForm = { organisation: `region-${regionId}`, title: '', developmentArea: '', focusArea: '', targetGroup: '', status: 'planned', reach: 'project', participants: '', privateProviders: 'no', measured: 'none', genderPerspective: '' };
  const [form, setForm] = useState(empty);
  const set = (k: keyof typeof empty) => (v: string) => setForm((f) => ({ ...f, [k]: v }));
  const choose = (k: keyof typeof empty) => (e: { currentTarget: { value: string } }) => set(k)(e.currentTarget.value);
  const add = useReportingMutation(() => createInitiative({ ...form, agreementId, participants: form.participants.split('\n').map((s) => s.trim()).filter(Boolean), genderPerspective: form.genderPerspective || undefined }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate(undefined, { onSuccess: () => setForm(empty) });
  };
  const text = (k: 'title' | 'developmentArea' | 'focusArea' | 'targetGroup') => <TextInput label={t(`reporting.initiatives.fields.${k}`)} value={form[k]} onChange={(e) => set(k)(e.currentTarget.value)} required />;
  return (
    <Card withBorder mt="xl" maw={900} component="form" onSubmit={submit} aria-labelledby="new-initiative">
      <Title order={2} size="h3" mb="sm" id="new-initiative">
        {t('reporting.initiatives.add')}
      </Title>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect label={t('reporting.initiatives.fields.organisation')} data={mine.map((o) => ({ value: o.code, label: o.name }))} value={form.organisation} onChange={choose('organisation')} />
          {text('title')}
          {text('developmentArea')}
          {text('focusArea')}
          {text('targetGroup')}
          <NativeSelect label={t('reporting.initiatives.fields.status')} data={STATUSES.map((s) => ({ value: s, label: t(`reporting.initiativeStatuses.${s}`) }))} value={form.status} onChange={choose('status')} />
          <NativeSelect label={t('reporting.initiatives.fields.reach')} data={(['project', 'region_wide'] as const).map((s) => ({ value: s, label: t(`reporting.initiatives.reach.${s}`) }))} value={form.reach} onChange={choose('reach')} />
          <NativeSelect label={t('reporting.initiatives.fields.privateProviders')} data={[{ value: 'yes', label: t('reporting.initiatives.yes') }, { value: 'no', label: t('reporting.initiatives.no') }]} value={form.privateProviders} onChange={choose('privateProviders')} />
          <NativeSelect label={t('reporting.initiatives.fields.measured')} data={(['none', 'output', 'effect'] as const).map((s) => ({ value: s, label: t(`reporting.initiatives.measured.${s}`) }))} value={form.measured} onChange={choose('measured')} />
        </SimpleGrid>
        <Textarea label={t('reporting.initiatives.fields.participants')} value={form.participants} onChange={(e) => set('participants')(e.currentTarget.value)} autosize minRows={2} />
        <Textarea label={t('reporting.initiatives.fields.genderPerspective')} value={form.genderPerspective} onChange={(e) => set('genderPerspective')(e.currentTarget.value)} autosize minRows={2} />
        {add.isError && <ProblemAlert error={add.error} />}
        <Group>
          <Button type="submit" loading={add.isPending}>
            {t('reporting.initiatives.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
