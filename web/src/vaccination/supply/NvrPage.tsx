import { Badge, Button, Table, Text } from '@mantine/core';
import { useActor } from '../../ActorContext.js';
import { PageHeading } from '../../components/PageHeading.js';
import { PageLoader } from '../../components/PageLoader.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useT } from '../../i18n/useT.js';
import { dayAndTime } from '../core/format.js';
import { CaptionedTable } from '../../components/CaptionedTable.js';
import { useNvrPending, useResendNvr } from './api.js';

/** `/vaccination/nvr`: doses the national vaccination register has not accepted, with why. */
export function NvrPage() {
  const { t } = useT();
  const { role } = useActor();
  const pending = useNvrPending();
  const resend = useResendNvr();
  const data = pending.data;
  return (
    <>
      <PageHeading title={t('vaccinationSupply.nvr.title')} />
      <Text mb="md" maw={720}>
        {t('vaccinationSupply.nvr.intro')}
      </Text>
      {pending.error ? <ProblemAlert error={pending.error} /> : null}
      {resend.error ? <ProblemAlert error={resend.error} /> : null}
      {pending.isLoading ? <PageLoader /> : null}
      {data ? (
        <>
          <Text mb="md" fw={600}>
            {t('vaccinationSupply.nvr.counts', { queued: data.counts.queued, sent: data.counts.sent, rejected: data.counts.rejected, accepted: data.counts.accepted, reserve: data.counts.notAcceptedOnReservnummer })}
          </Text>
          {data.doses.length === 0 ? (
            <Text>{t('vaccinationSupply.nvr.none')}</Text>
          ) : (
            <CaptionedTable withTableBorder heading={t('vaccinationSupply.nvr.caption')} striped minWidth={900}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('vaccinationSupply.nvr.person')}</Table.Th>
                  <Table.Th>{t('vaccinationSupply.nvr.dose')}</Table.Th>
                  <Table.Th>{t('vaccinationSupply.nvr.given')}</Table.Th>
                  <Table.Th>{t('vaccinationSupply.nvr.status')}</Table.Th>
                  <Table.Th ta="right">{t('vaccinationSupply.nvr.attempts')}</Table.Th>
                  <Table.Th>{t('vaccinationSupply.nvr.problem')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.doses.map((d) => (
                  <Table.Tr key={d.doseId}>
                    <Table.Td>
                      {d.person} {d.reservnummer ? <Badge color="yellow">{t('vaccinationSupply.nvr.reservnummer')}</Badge> : null}
                    </Table.Td>
                    <Table.Td>
                      {d.vaccine} {d.doseNumber}
                    </Table.Td>
                    <Table.Td>
                      {d.administeredAt ? dayAndTime(d.administeredAt) : '–'} {d.siteName ?? ''}
                    </Table.Td>
                    <Table.Td>
                      <Badge color={d.status === 'rejected' ? 'red' : 'gray'}>{t(`vaccinationSupply.nvr.statuses.${d.status}`)}</Badge> {d.deliveryFailed ? <Badge color="red">{t('vaccinationSupply.nvr.failed')}</Badge> : null}
                    </Table.Td>
                    <Table.Td ta="right">{d.deliveryAttempts}</Table.Td>
                    <Table.Td>{d.rejection ?? d.lastError ?? ''}</Table.Td>
                    <Table.Td>
                      {role === 'vaccine_coordinator' && (d.status === 'rejected' || d.deliveryFailed) ? (
                        <Button size="xs" variant="light" aria-label={t('vaccinationSupply.nvr.resendFor', { person: d.person })} onClick={() => resend.mutate(d.doseId)}>
                          {t('vaccinationSupply.nvr.resend')}
                        </Button>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </CaptionedTable>
          )}
        </>
      ) : null}
    </>
  );
}
