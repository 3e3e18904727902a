import { useState } from 'react';
import { Button, Text } from '@mantine/core';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { useT } from '../i18n/useT.js';
import { readDocument } from './governanceApi.js';

/** A document's text on request: a secret one is released only to those with the right, and the release is audited. */
export function DocumentText({ id, title }: { id: string; title: string }) {
  const { t } = useT();
  const [body, setBody] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const toggle = async () => {
    if (body !== null) return setBody(null);
    setError(null);
    try {
      setBody(await readDocument(id));
    } catch (e) {
      setError(e);
    }
  };
  return (
    <>
      <Button size="compact-xs" variant="subtle" ml="xs" onClick={() => void toggle()} aria-label={`${body === null ? t('governance.documents.show') : t('governance.documents.hide')}: ${title}`}>
        {body === null ? t('governance.documents.show') : t('governance.documents.hide')}
      </Button>
      {body !== null && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {body}
        </Text>
      )}
      {error !== null && <ProblemAlert error={error} />}
    </>
  );
}
