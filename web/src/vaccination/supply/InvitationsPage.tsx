import { Anchor, Button, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { PageHeading } from '../../components/PageHeading.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useT } from '../../i18n/useT.js';
import { swedishDate } from '../../testing/statistics/api.js';
import { formatShare } from '../../testing/statistics/format.js';
import { useRecommendations } from '../core/vaccinationApi.js';
import { CaptionedTable } from '../../components/CaptionedTable.js';
import { useBuildList, useCancellations, useInvitationLists, useRemind, useSendInvitations, type InvitationList } from './api.js';

/** `/vaccination/invitations`: build lists from a recommendation and an area, send letters and SMS, remind, follow cancellations. */
export function InvitationsPage() {
  const { t, language } = useT();
  const lists = useInvitationLists();
  const recommendations = useRecommendations();
  const build = useBuildList();
  const send = useSendInvitations();
  const remind = useRemind();
  const cancellations = useCancellations(swedishDate(90), swedishDate());
  const [recommendationId, setRecommendationId] = useState<string | null>(null);
  const [municipalityCode, setMunicipalityCode] = useState('');
  const [postalCodePrefix, setPostalCodePrefix] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const today = swedishDate();
  const current = (recommendations.data?.recommendations ?? []).filter((r) => r.validTo === null || r.validTo >= today);

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setNotice(null);
    build.mutate(
      { recommendationId: recommendationId ?? '', municipalityCode: municipalityCode || undefined, postalCodePrefix: postalCodePrefix || undefined },
      { onSuccess: (l) => setNotice(t('vaccinationSupply.invitations.built', { count: l.people })) },
    );
  };
  const sendList = (l: InvitationList) => send.mutate(l.id, { onSuccess: (r) => setNotice(t('vaccinationSupply.invitations.sent', { letters: r.letters, sms: r.sms, withoutPhone: r.withoutPhone })) });
  const remindList = (l: InvitationList) => remind.mutate(l.id, { onSuccess: (r) => setNotice(t('vaccinationSupply.invitations.remindedResult', { reminded: r.reminded, withoutPhone: r.notBookedWithoutPhone })) });

  return (
    <>
      <PageHeading title={t('vaccinationSupply.invitations.title')} />
      <Stack gap="xl">
        <Paper withBorder p="md" component="form" onSubmit={submit} aria-labelledby="build-title">
          <Title id="build-title" order={2} size="h3" mb="sm">
            {t('vaccinationSupply.invitations.build')}
          </Title>
          <Group align="flex-end">
            <Select label={t('vaccinationSupply.invitations.recommendation')} data={current.map((r) => ({ value: r.id, label: r.title }))} value={recommendationId} onChange={setRecommendationId} required w={380} />
            <TextInput label={t('vaccinationSupply.invitations.municipality')} value={municipalityCode} onChange={(e) => setMunicipalityCode(e.currentTarget.value)} inputMode="numeric" maxLength={4} />
            <TextInput label={t('vaccinationSupply.invitations.postcode')} value={postalCodePrefix} onChange={(e) => setPostalCodePrefix(e.currentTarget.value)} inputMode="numeric" maxLength={5} />
            <Button type="submit" loading={build.isPending}>
              {t('vaccinationSupply.invitations.submit')}
            </Button>
          </Group>
        </Paper>
        {[build.error, send.error, remind.error, lists.error].map((e, i) => (e ? <ProblemAlert key={i} error={e} /> : null))}
        {notice ? <Text role="status">{notice}</Text> : null}
        {lists.data && lists.data.lists.length > 0 ? (
          <CaptionedTable withTableBorder heading={t('vaccinationSupply.invitations.caption')} striped minWidth={1000}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('vaccinationSupply.invitations.list')}</Table.Th>
                <Table.Th>{t('vaccinationSupply.invitations.area')}</Table.Th>
                {(['people', 'letters', 'sms', 'reminded', 'booked', 'cancelled'] as const).map((k) => (
                  <Table.Th key={k} ta="right">
                    {t(`vaccinationSupply.invitations.${k}`)}
                  </Table.Th>
                ))}
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {lists.data.lists.map((l) => (
                <Table.Tr key={l.id}>
                  <Table.Td>
                    {l.title} ({l.builtFor})
                  </Table.Td>
                  <Table.Td>{[l.municipalityCode, l.postalCodePrefix].filter(Boolean).join(' / ')}</Table.Td>
                  <Table.Td ta="right">{l.people}</Table.Td>
                  <Table.Td ta="right">{l.lettersSent}</Table.Td>
                  <Table.Td ta="right">{l.smsSent}</Table.Td>
                  <Table.Td ta="right">{l.reminded}</Table.Td>
                  <Table.Td ta="right">{l.bookedOrVaccinated}</Table.Td>
                  <Table.Td ta="right">{l.cancelledWithoutNewBooking}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button size="xs" aria-label={t('vaccinationSupply.invitations.sendFor', { title: l.title })} onClick={() => sendList(l)}>
                        {t('vaccinationSupply.invitations.send')}
                      </Button>
                      <Button size="xs" variant="light" aria-label={t('vaccinationSupply.invitations.remindFor', { title: l.title })} onClick={() => remindList(l)}>
                        {t('vaccinationSupply.invitations.remind')}
                      </Button>
                      <Anchor size="sm" href={`/api/vaccination/invitations/lists/${l.id}/letters.pdf`} download>
                        {t('vaccinationSupply.invitations.print')}
                      </Anchor>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </CaptionedTable>
        ) : null}
        {cancellations.data ? (
          <CaptionedTable withTableBorder heading={t('vaccinationSupply.invitations.cancellationsTitle')} maw={640}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('vaccinationSupply.invitations.ageGroup')}</Table.Th>
                <Table.Th ta="right">{t('vaccinationSupply.invitations.bookings')}</Table.Th>
                <Table.Th ta="right">{t('vaccinationSupply.invitations.cancellations')}</Table.Th>
                <Table.Th ta="right">{t('vaccinationSupply.invitations.share')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...cancellations.data.groups, { ageGroup: t('vaccinationSupply.invitations.total'), ...cancellations.data.total }].map((g) => (
                <Table.Tr key={g.ageGroup}>
                  <Table.Td>{g.ageGroup}</Table.Td>
                  <Table.Td ta="right">{g.booked}</Table.Td>
                  <Table.Td ta="right">{g.cancelled}</Table.Td>
                  <Table.Td ta="right">{formatShare(g.cancelledShare, language)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </CaptionedTable>
        ) : null}
      </Stack>
    </>
  );
}
