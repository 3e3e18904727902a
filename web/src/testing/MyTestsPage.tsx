import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { PageHeading } from '../components/PageHeading.js';
import { PageLoader } from '../components/PageLoader.js';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { DateTime } from '../components/DateTime.js';
import { useT } from '../i18n/useT.js';
import { SampleSteps } from './SampleSteps.js';
import { useMyTesting, type KitOrder, type Sample } from './testingApi.js';

const resultColor = { positive: 'red', negative: 'green', not_assessable: 'yellow' } as const;

/** `/testing` for a citizen: their kit orders and samples, each with its steps and the answer when given. */
export function MyTestsPage() {
  const { t } = useT();
  const my = useMyTesting();
  const openOrders = (my.data?.orders ?? []).filter((o) => o.status === 'ordered');
  const samples = my.data?.samples ?? [];
  return (
    <>
      <PageHeading title={t('testing.mine.title')} />
      <Text mb="md" maw={720}>
        {t('testing.mine.intro')}
      </Text>
      <Group mb="xl">
        <Button component={Link} to="/testing/order">
          {t('testing.nav.order')}
        </Button>
        <Button component={Link} to="/testing/register" variant="light">
          {t('testing.nav.register')}
        </Button>
      </Group>
      {my.isPending && <PageLoader />}
      {my.isError && <ProblemAlert error={my.error} onRetry={() => void my.refetch()} />}
      {my.data && (
        <Stack gap="xl" maw={820}>
          <section aria-labelledby="my-samples-heading">
            <Title order={2} size="h3" id="my-samples-heading" mb="sm">
              {t('testing.mine.samplesHeading')}
            </Title>
            {samples.length === 0 ? <Text>{t('testing.mine.noSamples')}</Text> : (
              <Stack gap="md">
                {samples.map((s) => <SampleCard key={s.id} sample={s} />)}
              </Stack>
            )}
          </section>
          <section aria-labelledby="my-orders-heading">
            <Title order={2} size="h3" id="my-orders-heading" mb="sm">
              {t('testing.mine.ordersHeading')}
            </Title>
            {openOrders.length === 0 ? <Text>{t('testing.mine.noOrders')}</Text> : (
              <Stack gap="md">
                {openOrders.map((o) => <OrderCard key={o.id} order={o} />)}
              </Stack>
            )}
          </section>
        </Stack>
      )}
    </>
  );
}

function OrderCard({ order }: { order: KitOrder }) {
  const { t, tMaybe } = useT();
  const status = tMaybe(`testing.mine.orderStatus.${order.status}`, order.status);
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={`order-${order.id}`}>
      <Title order={3} size="h4" id={`order-${order.id}`}>
        {t('testing.mine.orderTitle', { type: t(`testing.testTypes.${order.testType}`), name: order.distributionPoint.name })}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t('testing.mine.orderedAt')} <DateTime iso={order.orderedAt} /> · {t('testing.mine.openingHours', { hours: order.distributionPoint.openingHours })}
      </Text>
      <Text size="sm" mb="sm">
        {t('testing.mine.status', { status: t('testing.steps.ordered') })} – {status}
      </Text>
      <SampleSteps current="ordered" />
    </Paper>
  );
}

function SampleCard({ sample }: { sample: Sample }) {
  const { t } = useT();
  const type = t(`testing.testTypes.${sample.testType}`);
  const title = sample.kitCode
    ? t('testing.mine.sampleTitle', { type, code: sample.kitCode })
    : t('testing.mine.sampleTitleNoKit', { type, collection: t(`testing.collection.${sample.collection}`) });
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={`sample-${sample.id}`}>
      <Title order={3} size="h4" id={`sample-${sample.id}`}>
        {title}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t('testing.mine.takenAt')} <DateTime iso={sample.takenAt} />
      </Text>
      <Text size="sm" fw={600} mb="sm">
        {t('testing.mine.status', { status: t(`testing.steps.${sample.status}`) })}
      </Text>
      <SampleSteps current={sample.status} />
      {sample.result && (
        <Stack gap={4} mt="md">
          <Group gap="xs">
            <Badge color={resultColor[sample.result]} size="lg" variant="light">
              {t('testing.mine.answer', { result: t(`testing.results.${sample.result}`) })}
            </Badge>
            {sample.resultAt && (
              <Text size="sm" c="dimmed">
                {t('testing.mine.answeredAt')} <DateTime iso={sample.resultAt} />
              </Text>
            )}
          </Group>
          <Text size="sm">
            {t('testing.mine.inboxHint')}{' '}
            <Anchor component={Link} to="/messages">
              {t('testing.mine.inboxLink')}
            </Anchor>
          </Text>
        </Stack>
      )}
    </Paper>
  );
}
