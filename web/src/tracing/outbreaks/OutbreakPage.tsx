import { Anchor, Badge, Grid, Group, List, Stack, Text, Timeline } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useActor } from '../../ActorContext.js';
import { DateTime } from '../../components/DateTime.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useT } from '../../i18n/useT.js';
import { CasePanel } from '../CasePanel.js';
import { QueryStatus } from '../QueryStatus.js';
import { OutbreakStatusBadge } from './OutbreakStatusBadge.js';
import { OrderClassKitsForm } from './OrderClassKitsForm.js';
import { TransmissionGraphSvg } from './TransmissionGraphSvg.js';
import { useOutbreak, type TimelineEvent } from './outbreaksApi.js';

const TIMELINE_COLOURS: Record<TimelineEvent['kind'], string> = { case: 'red', contact: 'blue', signal: 'grape' };

/** The event's text, linking to its case when it has one. */
function TimelineTitle({ event }: { event: TimelineEvent }) {
  return event.caseId ? (
    <Anchor component={Link} to={`/tracing/cases/${event.caseId}`}>
      {event.label}
    </Anchor>
  ) : (
    event.label
  );
}

/** `/tracing/outbreaks/:id`: how the outbreak unfolded, who infected whom, the signals about it, and kits for a class. */
export function OutbreakPage() {
  const { t } = useT();
  const { id = '' } = useParams();
  const { role } = useActor();
  const outbreak = useOutbreak(id);
  const data = outbreak.data;
  if (!data) {
    return (
      <>
        <PageHeading title={t('tracing.outbreak.title')} />
        <QueryStatus query={outbreak} />
      </>
    );
  }
  const o = data.outbreak;
  return (
    <>
      <PageHeading title={t('tracing.outbreak.heading', { label: o.label })} />
      <Anchor component={Link} to="/tracing/outbreaks" mb="sm" display="inline-block">
        {t('tracing.outbreak.back')}
      </Anchor>
      <Group gap="xs" mb="md">
        <Badge variant="light" tt="none">
          {t(`tracing.settingKinds.${o.kind}`)}
        </Badge>
        <OutbreakStatusBadge status={o.status} />
        <Text size="sm">
          {t('tracing.outbreak.confirmedAt')} <DateTime iso={o.confirmedAt} /> · {t('tracing.outbreak.cases', { count: o.cases })}
        </Text>
      </Group>
      {o.note && <Text mb="md">{o.note}</Text>}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="md">
            <CasePanel id="outbreak-graph" title={t('tracing.outbreak.graph.title')}>
              <TransmissionGraphSvg graph={data.graph} />
            </CasePanel>
            {o.kind === 'school_class' && role === 'smittskydd' && o.status === 'open' && (
              <CasePanel id="outbreak-kits" title={t('tracing.outbreak.kits.title')}>
                <OrderClassKitsForm outbreakId={o.id} />
              </CasePanel>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="md">
            <CasePanel id="outbreak-timeline" title={t('tracing.outbreak.timeline')}>
              {data.timeline.length === 0 ? (
                <Text>{t('tracing.outbreak.noEvents')}</Text>
              ) : (
                <Timeline bulletSize={14} lineWidth={2}>
                  {data.timeline.map((e, i) => (
                    <Timeline.Item key={`${e.at}-${i}`} color={TIMELINE_COLOURS[e.kind]} title={<TimelineTitle event={e} />}>
                      <Text size="xs" c="dimmed">
                        {t(`tracing.outbreak.eventKinds.${e.kind}`)} · <DateTime iso={e.at} />
                      </Text>
                    </Timeline.Item>
                  ))}
                </Timeline>
              )}
            </CasePanel>
            <CasePanel id="outbreak-signals" title={t('tracing.outbreak.signals')}>
              {data.signals.length === 0 ? (
                <Text>{t('tracing.outbreak.noSignals')}</Text>
              ) : (
                <List size="sm" spacing="xs">
                  {data.signals.map((s) => (
                    <List.Item key={s.id}>
                      <Text size="sm" fw={600}>
                        {s.subject}
                      </Text>
                      <Text size="xs" c="dimmed">
                        <DateTime iso={s.receivedAt} /> · {[s.senderName, s.organisation].filter(Boolean).join(', ')}
                      </Text>
                    </List.Item>
                  ))}
                </List>
              )}
            </CasePanel>
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
