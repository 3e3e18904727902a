import { useState } from 'react';
import { NativeSelect, Text } from '@mantine/core';
import { MESSAGE_CHANNELS, useMessages, type MessageChannel } from '../api.js';
import { useT } from '../i18n/useT.js';
import { DeliveredMessagesTable } from './DeliveredMessagesTable.js';
import { PageLoader } from './PageLoader.js';
import { ProblemAlert } from './ProblemAlert.js';
import { ShowMoreButton } from './ShowMoreButton.js';

function isChannel(value: string): value is MessageChannel {
  return (MESSAGE_CHANNELS as readonly string[]).includes(value);
}

/** region_admin: what the embedded SMS, email and 1177 transports have delivered. */
export function DeliveredMessages() {
  const { t } = useT();
  const [channel, setChannel] = useState<MessageChannel | null>(null);
  const messages = useMessages(channel);
  const rows = messages.data?.pages.flatMap((page) => page.messages) ?? [];
  const options = [
    { value: '', label: t('messages.channels.all') },
    ...MESSAGE_CHANNELS.map((c) => ({ value: c, label: t(`messages.channels.${c}`) })),
  ];
  return (
    <>
      <Text mb="lg" maw={720}>
        {t('messages.adminIntro')}
      </Text>
      <NativeSelect
        label={t('messages.channel')}
        data={options}
        value={channel ?? ''}
        onChange={(e) => {
          const value = e.currentTarget.value;
          setChannel(isChannel(value) ? value : null);
        }}
        maw={280}
        mb="md"
      />
      {messages.isPending && <PageLoader />}
      {messages.isError && <ProblemAlert error={messages.error} onRetry={() => void messages.refetch()} />}
      {messages.data &&
        (rows.length === 0 ? <Text>{t('messages.empty')}</Text> : <DeliveredMessagesTable messages={rows} />)}
      {messages.hasNextPage && (
        <ShowMoreButton onClick={() => void messages.fetchNextPage()} loading={messages.isFetchingNextPage} />
      )}
    </>
  );
}
