import { useActor } from '../ActorContext.js';
import { useT } from '../i18n/useT.js';
import { CitizenInbox } from '../components/CitizenInbox.js';
import { DeliveredMessages } from '../components/DeliveredMessages.js';
import { PageHeading } from '../components/PageHeading.js';

/** `/messages`: a citizen's 1177 inbox, or (region_admin) the delivered-messages log. */
export function MessagesPage() {
  const { t } = useT();
  const { actor } = useActor();
  return (
    <>
      <PageHeading title={t('messages.title')} />
      {actor.kind === 'citizen' ? <CitizenInbox /> : <DeliveredMessages />}
    </>
  );
}
