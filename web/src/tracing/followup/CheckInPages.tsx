import { Alert, Anchor, Card, Container, Stack, Text, Title } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { useActor } from '../../ActorContext.js';
import { useAuthConfig } from '../../api.js';
import { PageHeading } from '../../components/PageHeading.js';
import { PageLoader } from '../../components/PageLoader.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { PublicHeader } from '../../components/PublicHeader.js';
import { MAIN_CONTENT_ID, SkipLink } from '../../components/SkipLink.js';
import { useT } from '../../i18n/useT.js';
import { NotFoundPage } from '../../pages/NotFoundPage.js';
import { CheckInDone } from './CheckInDone.js';
import { CheckInForm } from './CheckInForm.js';
import { useAnswerByLink, useAnswerMyCheckIn, useCheckInLookup, useMyCheckIns } from './followUpApi.js';

/**
 * `/check-in#<token>`, the link in the daily SMS: no login. The token is in the fragment, so it reaches neither
 * the server's logs nor a referrer; the page sends it in a request body.
 */
export function PublicCheckInPage() {
  const { t } = useT();
  const config = useAuthConfig();
  const token = useLocation().hash.replace(/^#/, '');
  const lookup = useCheckInLookup(token);
  const answer = useAnswerByLink();
  return (
    <>
      <SkipLink />
      <PublicHeader regionName={config.data?.regionName} />
      <Container size="sm" py="xl" component="main" id={MAIN_CONTENT_ID} tabIndex={-1}>
        <PageHeading title={t('tracing.checkIn.title')} />
        {token === '' && <Alert color="red" variant="light" role="alert">{t('tracing.checkIn.noToken')}</Alert>}
        {lookup.isPending && token !== '' && <PageLoader />}
        {lookup.isError && <ProblemAlert error={lookup.error} />}
        {answer.data ? (
          <CheckInDone answered={answer.data} loggedIn={false} />
        ) : (
          lookup.data && (
            <Stack gap="md">
              <Text fw={600}>{t('tracing.checkIn.dayOf', { day: lookup.data.followUpDay, days: lookup.data.days, date: lookup.data.day })}</Text>
              {lookup.data.expired ? (
                <Alert color="gray" variant="light" role="status">{t('tracing.checkIn.expired')}</Alert>
              ) : lookup.data.answered ? (
                <Alert color="green" variant="light" role="status">{t('tracing.checkIn.alreadyAnswered')}</Alert>
              ) : (
                <CheckInForm onSubmit={(a) => answer.mutate({ ...a, token })} pending={answer.isPending} error={answer.error} submitLabel={t('tracing.checkIn.submit')} />
              )}
            </Stack>
          )
        )}
        <Anchor component={Link} to="/login" mt="xl" display="inline-block">
          {t('tracing.checkIn.toLogin')}
        </Anchor>
      </Container>
    </>
  );
}

/** `/tracing/check-in`, the link in the 1177 inbox: the logged-in citizen answers today's check-in of each follow-up. */
export function CitizenCheckInRoute() {
  const { role } = useActor();
  return role === 'citizen' ? <CitizenCheckInPage /> : <NotFoundPage />;
}

function CitizenCheckInPage() {
  const { t } = useT();
  const mine = useMyCheckIns();
  const answer = useAnswerMyCheckIn();
  return (
    <>
      <PageHeading title={t('tracing.checkIn.title')} />
      {mine.isPending && <PageLoader />}
      {mine.isError && <ProblemAlert error={mine.error} onRetry={() => void mine.refetch()} />}
      {mine.data?.followUps.length === 0 && !answer.data && (
        <Alert color="blue" variant="light" role="status" maw={720}>
          {t('tracing.checkIn.none')}
        </Alert>
      )}
      {answer.data && <CheckInDone answered={answer.data} loggedIn />}
      <Stack gap="md" maw={720} mt="md">
        {mine.data?.followUps.map((f) => (
          <Card key={f.contactId} withBorder>
            <Title order={2} size="h4" mb="xs">
              {t('tracing.checkIn.dayOf', { day: f.followUpDay, days: f.days, date: mine.data.today })}
            </Title>
            {f.answeredToday ? (
              <Text>{t('tracing.checkIn.alreadyAnswered')}</Text>
            ) : (
              <CheckInForm onSubmit={(a) => answer.mutate({ ...a, contactId: f.contactId, day: mine.data.today })} pending={answer.isPending} error={answer.error} submitLabel={t('tracing.checkIn.submit')} />
            )}
          </Card>
        ))}
      </Stack>
    </>
  );
}
