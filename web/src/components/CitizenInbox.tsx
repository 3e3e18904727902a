import { Accordion, Text } from '@mantine/core';
import { useInbox } from '../api.js';
import { useActor } from '../ActorContext.js';
import { useT } from '../i18n/useT.js';
import { DateTime } from './DateTime.js';
import { PageLoader } from './PageLoader.js';
import { ProblemAlert } from './ProblemAlert.js';

/** A citizen's 1177 inbox: one expandable item per message. */
export function CitizenInbox() {
  const { t } = useT();
  const { actor } = useActor();
  const inbox = useInbox();
  const messages = inbox.data?.messages ?? [];
  return (
    <>
      <Text mb="lg" maw={720}>
        {t('messages.citizenIntro', { region: actor.region.name })}
      </Text>
      {inbox.isPending && <PageLoader />}
      {inbox.isError && <ProblemAlert error={inbox.error} onRetry={() => void inbox.refetch()} />}
      {inbox.data && messages.length === 0 && <Text>{t('messages.inboxEmpty')}</Text>}
      {messages.length > 0 && (
        <Accordion variant="separated" order={2} maw={820}>
          {messages.map((message) => (
            <Accordion.Item key={message.id} value={message.id}>
              <Accordion.Control>
                <Text fw={600}>{message.subject || t('messages.noSubject')}</Text>
                <Text size="sm" c="dimmed">
                  <DateTime iso={message.deliveredAt} />
                </Text>
              </Accordion.Control>
              <Accordion.Panel>
                <div className="message-body">{message.body}</div>
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      )}
    </>
  );
}
