import { useT } from '../i18n/useT.js';

/** A message body behind a native disclosure (keyboard and screen-reader friendly). */
export function MessageBody({ body }: { body: string }) {
  const { t } = useT();
  return (
    <details>
      <summary>{t('messages.showBody')}</summary>
      <div className="message-body">{body}</div>
    </details>
  );
}
