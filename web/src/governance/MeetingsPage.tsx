import { useState, type FormEvent } from 'react';
import { Anchor, Button, Group, Paper, Stack, Table, TextInput, Title } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import { CaptionedTable } from '../components/CaptionedTable.js';
import { PageHeading } from '../components/PageHeading.js';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { useT } from '../i18n/useT.js';
import { QueryStatus } from '../tracing/QueryStatus.js';
import { useCreateMeeting, useMeetings } from './governanceApi.js';
import { useCanWrite } from './useCanWrite.js';

/** `/governance/meetings`: the meetings, and for the secretary a new one. */
export function MeetingsPage() {
  const { t } = useT();
  const meetings = useMeetings();
  const canWrite = useCanWrite();
  return (
    <>
      <PageHeading title={t('governance.meetings.title')} />
      {canWrite && <NewMeetingForm />}
      <QueryStatus query={meetings} />
      {meetings.data && (
        <CaptionedTable caption={t('governance.meetings.table')} columns={[t('governance.meetings.heldOn'), t('governance.meetings.body'), t('governance.meetings.place'), t('governance.meetings.checked')]}>
          {meetings.data.meetings.map((m) => (
            <Table.Tr key={m.id}>
              <Table.Td>
                <Anchor component={Link} to={`/governance/meetings/${m.id}`}>
                  {m.heldOn}
                </Anchor>
              </Table.Td>
              <Table.Td>{m.body}</Table.Td>
              <Table.Td>{m.place}</Table.Td>
              <Table.Td>{m.postedOn ? t('governance.meetings.posted') : m.checkedAt ? t('governance.meetings.checked') : t('governance.meetings.open')}</Table.Td>
            </Table.Tr>
          ))}
        </CaptionedTable>
      )}
    </>
  );
}

function NewMeetingForm() {
  const { t } = useT();
  const navigate = useNavigate();
  const [f, setF] = useState({ body: 'Hälso- och sjukvårdsnämnden', heldOn: '', startsAt: '09:00', place: '', chair: '', checkers: '', checkDeadline: '' });
  const input = (k: keyof typeof f) => ({ value: f[k], onChange: (e: { currentTarget: { value: string } }) => setF({ ...f, [k]: e.currentTarget.value }) });
  const create = useCreateMeeting();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const checkers = f.checkers.split(',').map((s) => s.trim()).filter(Boolean);
    create.mutate({ ...f, body: f.body.trim(), place: f.place.trim(), chair: f.chair.trim(), checkers }, { onSuccess: (m) => navigate(`/governance/meetings/${m.id}`) });
  };
  return (
    <Paper withBorder p="md" mb="lg">
      <Title order={2} size="h3" mb="sm">
        {t('governance.meetings.create')}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Group grow align="flex-start">
            <TextInput label={t('governance.meetings.body')} required {...input('body')} />
            <TextInput label={t('governance.meetings.heldOn')} type="date" required {...input('heldOn')} />
            <TextInput label={t('governance.meetings.startsAt')} type="time" required {...input('startsAt')} />
          </Group>
          <Group grow align="flex-start">
            <TextInput label={t('governance.meetings.place')} required {...input('place')} />
            <TextInput label={t('governance.meetings.chair')} required {...input('chair')} />
          </Group>
          <Group grow align="flex-start">
            <TextInput label={t('governance.meetings.checkers')} required {...input('checkers')} />
            <TextInput label={t('governance.meetings.checkDeadline')} type="date" required {...input('checkDeadline')} />
          </Group>
          {create.isError && <ProblemAlert error={create.error} />}
          <div>
            <Button type="submit" loading={create.isPending}>
              {t('governance.meetings.submit')}
            </Button>
          </div>
        </Stack>
      </form>
    </Paper>
  );
}
