import { useState, type FormEvent } from 'react';
import { Alert, Button, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { PageHeading } from '../components/PageHeading.js';
import { DateTime } from '../components/DateTime.js';
import { useT } from '../i18n/useT.js';
import { KitCodeField } from './KitCodeField.js';
import { kitProblemHeadline } from './kitProblem.js';
import { QrScanner } from './QrScanner.js';
import { SampleSteps } from './SampleSteps.js';
import { TestingProblem } from './TestingProblem.js';
import { useReceiveSample, type Sample } from './testingApi.js';
import { DataTable } from '../components/DataTable.js';

/** `/testing` for the lab: scan samples in as they arrive, and see each one's status. */
export function LabReceivePage() {
  const { t } = useT();
  const [code, setCode] = useState('');
  const [received, setReceived] = useState<Sample[]>([]);
  const receive = useReceiveSample();

  const send = (kitCode: string) => {
    if (kitCode.trim() === '') return;
    receive.mutate(kitCode.trim(), {
      onSuccess: (sample) => {
        setReceived((list) => [sample, ...list.filter((s) => s.id !== sample.id)]);
        setCode('');
      },
    });
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    send(code);
  };
  const last = receive.isSuccess ? receive.data : null;

  return (
    <>
      <PageHeading title={t('testing.lab.receiveTitle')} />
      <Text mb="lg" maw={720}>
        {t('testing.lab.receiveIntro')}
      </Text>
      <Stack gap="lg" maw={820}>
        <Paper withBorder p="md">
          <form onSubmit={submit} noValidate>
            <KitCodeField value={code} onChange={setCode} error={receive.isError} autoFocus />
            <Button type="submit" mt="md" loading={receive.isPending}>
              {t('testing.lab.receive')}
            </Button>
          </form>
          <details style={{ marginTop: 'var(--mantine-spacing-md)' }}>
            <summary>{t('testing.register.scanHeading')}</summary>
            <QrScanner
              onCode={(text) => {
                setCode(text);
                send(text);
              }}
            />
          </details>
        </Paper>
        {receive.isError && <TestingProblem error={receive.error} headline={t(kitProblemHeadline(receive.error))} />}
        {last && (
          <Alert color="green" variant="light" title={t('testing.lab.receivedTitle')} role="status">
            <Text fw={600} mb="xs">
              {last.kitCode} · {t(`testing.testTypes.${last.testType}`)} · {t('testing.mine.status', { status: t(`testing.steps.${last.status}`) })}
            </Text>
            <SampleSteps current={last.status} />
          </Alert>
        )}
        {received.length > 0 && (
          <section aria-labelledby="received-heading">
            <Title order={2} size="h3" id="received-heading" mb="sm">
              {t('testing.lab.sampleHeading')}
            </Title>
            <DataTable minWidth={560} striped captionSide="top">
                <Table.Caption>{t('testing.lab.sampleCaption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('testing.lab.columns.kitCode')}</Table.Th>
                    <Table.Th scope="col">{t('testing.lab.columns.testType')}</Table.Th>
                    <Table.Th scope="col">{t('testing.lab.columns.collection')}</Table.Th>
                    <Table.Th scope="col">{t('testing.lab.columns.takenAt')}</Table.Th>
                    <Table.Th scope="col">{t('testing.lab.columns.status')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {received.map((s) => (
                    <Table.Tr key={s.id}>
                      <Table.Td className="kit-label-code">{s.kitCode}</Table.Td>
                      <Table.Td>{t(`testing.testTypes.${s.testType}`)}</Table.Td>
                      <Table.Td>{t(`testing.collection.${s.collection}`)}</Table.Td>
                      <Table.Td>
                        <DateTime iso={s.takenAt} />
                      </Table.Td>
                      <Table.Td>{t(`testing.steps.${s.status}`)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </DataTable>
          </section>
        )}
      </Stack>
    </>
  );
}
