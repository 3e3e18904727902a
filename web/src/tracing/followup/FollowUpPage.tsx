import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Group, Modal, Select, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useActor } from '../../ActorContext.js';
import { PageHeading } from '../../components/PageHeading.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useT } from '../../i18n/useT.js';
import { PhoneLink } from '../PhoneLink.js';
import { QueryStatus } from '../QueryStatus.js';
import { CheckInForm } from './CheckInForm.js';
import { useFollowUps, useOrderKitForContact, usePhoneAnswer, type FollowedContact, type FollowUpFlag } from './followUpApi.js';
import { DataTable } from '../../components/DataTable.js';

const FLAG_COLOR: Record<FollowUpFlag, string> = { symptoms: 'red', missed: 'orange', call: 'blue' };

/**
 * `/tracing/follow-up`: the line list of contacts under follow-up. Contacts who report symptoms come first (advice
 * to test, a kit to order), then those with two days unanswered, then those on the phone list.
 */
export function FollowUpPage() {
  const { t } = useT();
  const { role } = useActor();
  const works = role === 'tracer' || role === 'tracing_coordinator';
  const list = useFollowUps();
  const kit = useOrderKitForContact();
  const [point, setPoint] = useState<string | null>(null);
  const [phoning, setPhoning] = useState<FollowedContact | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const contacts = list.data?.contacts ?? [];
  const points = list.data?.distributionPoints ?? [];
  const pointId = point ?? points[0]?.id ?? null;

  const orderKit = (c: FollowedContact) => {
    if (!pointId) return;
    setNotice(null);
    kit.mutate({ contactId: c.contactId, distributionPointId: pointId }, { onSuccess: (r) => setNotice(t('tracing.followUp.kitOrdered', { name: c.name, point: r.distributionPoint })) });
  };

  return (
    <>
      <PageHeading title={t('tracing.followUp.title')} />
      <Text mb="lg" maw={760}>
        {t('tracing.followUp.intro')}
      </Text>
      <QueryStatus query={list} />
      {kit.isError && <ProblemAlert error={kit.error} />}
      {notice && (
        <Alert color="green" variant="light" role="status" mb="md" maw={720}>
          {notice}
        </Alert>
      )}
      {works && points.length > 0 && (
        <Select label={t('tracing.followUp.kitPoint')} data={points.map((p) => ({ value: p.id, label: p.name }))} value={pointId} onChange={setPoint} maw={360} mb="md" allowDeselect={false} />
      )}
      {list.data && contacts.length === 0 && <Text>{t('tracing.followUp.empty')}</Text>}
      {contacts.length > 0 && (
        <DataTable minWidth={1100} striped captionSide="top">
            <Table.Caption>{t('tracing.followUp.caption', { today: list.data!.today })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('tracing.followUp.columns.name')}</Table.Th>
                <Table.Th scope="col">{t('tracing.followUp.columns.phone')}</Table.Th>
                <Table.Th scope="col">{t('tracing.followUp.columns.day')}</Table.Th>
                <Table.Th scope="col">{t('tracing.followUp.columns.lastAnswer')}</Table.Th>
                <Table.Th scope="col">{t('tracing.followUp.columns.nextDue')}</Table.Th>
                <Table.Th scope="col">{t('tracing.followUp.columns.flags')}</Table.Th>
                {works && <Table.Th scope="col">{t('tracing.followUp.columns.action')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {contacts.map((c) => (
                <Table.Tr key={c.contactId}>
                  <Table.Th scope="row">
                    <Anchor component={Link} to={`/tracing/cases/${c.caseId}`}>
                      {c.name}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {t(`tracing.followUp.relation.${c.relation}`)} · {t('tracing.followUp.exposed', { date: c.lastExposure })}
                    </Text>
                  </Table.Th>
                  <Table.Td>{c.phone ? <PhoneLink phone={c.phone} /> : t('tracing.queue.noPhone')}</Table.Td>
                  <Table.Td>{t('tracing.followUp.dayOf', { day: c.followUpDay, days: c.days })}</Table.Td>
                  <Table.Td>
                    <LastAnswer c={c} />
                  </Table.Td>
                  <Table.Td>{c.nextDue ?? t('tracing.followUp.done')}</Table.Td>
                  <Table.Td>
                    <Stack gap={4} align="flex-start">
                      {c.flags.map((f) => (
                        <Badge key={f} color={FLAG_COLOR[f]} variant="light" tt="none">
                          {f === 'missed' ? t('tracing.followUp.flag.missed', { count: c.missedInARow }) : t(`tracing.followUp.flag.${f}`)}
                        </Badge>
                      ))}
                      {c.advice === 'test' && <Text size="xs">{c.kitOrderedAt ? t('tracing.followUp.kitAlreadyOrdered') : t('tracing.followUp.adviceTest')}</Text>}
                    </Stack>
                  </Table.Td>
                  {works && (
                    <Table.Td>
                      <Group gap="xs">
                        <Button size="xs" variant="light" onClick={() => setPhoning(c)} aria-label={t('tracing.followUp.phoneAnswerFor', { name: c.name })}>
                          {t('tracing.followUp.phoneAnswer')}
                        </Button>
                        {c.flags.includes('symptoms') && c.inRegister && !c.kitOrderedAt && pointId && (
                          <Button size="xs" onClick={() => orderKit(c)} loading={kit.isPending} aria-label={t('tracing.followUp.orderKitFor', { name: c.name })}>
                            {t('tracing.followUp.orderKit')}
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </DataTable>
      )}
      {phoning && list.data && <PhoneAnswer contact={phoning} today={list.data.today} onClose={() => setPhoning(null)} onSaved={() => { setNotice(t('tracing.followUp.phoneSaved', { name: phoning.name })); setPhoning(null); }} />}
    </>
  );
}

function LastAnswer({ c }: { c: FollowedContact }) {
  const { t } = useT();
  const a = c.lastAnswer;
  if (!a) return <>{t('tracing.followUp.noAnswer')}</>;
  const symptoms = a.hasSymptoms ? a.symptoms.map((s) => t(`tracing.checkIn.symptom.${s as 'fever'}`)).join(', ') : t('tracing.followUp.noSymptoms');
  return (
    <>
      <Text size="sm">
        {a.day} ({t(`tracing.followUp.via.${a.via}`)})
      </Text>
      <Text size="sm">{symptoms}</Text>
      {a.tested && <Text size="sm">{t('tracing.followUp.testedOn', { date: a.testDate ?? '' })}</Text>}
    </>
  );
}

function PhoneAnswer({ contact, today, onClose, onSaved }: { contact: FollowedContact; today: string; onClose: () => void; onSaved: () => void }) {
  const { t } = useT();
  const save = usePhoneAnswer();
  const days: string[] = [];
  for (let d = new Date(`${today}T00:00:00Z`), n = contact.followUpDay; n >= 1; n -= 1, d.setUTCDate(d.getUTCDate() - 1)) days.push(d.toISOString().slice(0, 10));
  const [day, setDay] = useState(today);
  return (
    <Modal opened onClose={onClose} title={t('tracing.followUp.phoneAnswerFor', { name: contact.name })}>
      <Stack gap="sm">
        <Select label={t('tracing.followUp.answerDay')} data={days} value={day} onChange={(v) => setDay(v ?? today)} allowDeselect={false} />
        <CheckInForm voice="tracer" onSubmit={(a) => save.mutate({ ...a, contactId: contact.contactId, day }, { onSuccess: onSaved })} pending={save.isPending} error={save.error} submitLabel={t('tracing.followUp.savePhoneAnswer')} />
      </Stack>
    </Modal>
  );
}
