import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { useT } from '../i18n/useT.js';
import { downloadFile } from './download.js';

/** The citizen's register extract (GDPR art. 15): one click downloads the PDF to read and the JSON to keep, in the page's language. */
export function RegisterExtractButton() {
  const { t, language } = useT();
  const download = useMutation({
    mutationFn: async () => {
      await downloadFile(`/api/privacy/extract.pdf?lang=${language}`, 'registerutdrag.pdf');
      await downloadFile(`/api/privacy/extract.json?lang=${language}`, 'registerutdrag.json');
    },
  });
  return (
    <Stack component="section" aria-labelledby="register-extract-heading" gap="sm" mb="xl" maw={720}>
      <Title order={2} size="h3" id="register-extract-heading">
        {t('privacy.extract.heading')}
      </Title>
      <Text>{t('privacy.extract.intro')}</Text>
      <div>
        <Button onClick={() => download.mutate()} loading={download.isPending}>
          {t('privacy.extract.button')}
        </Button>
      </div>
      {download.isSuccess && (
        <Alert color="green" variant="light" role="status">
          {t('privacy.extract.done')}
        </Alert>
      )}
      {download.isError && <ProblemAlert error={download.error} />}
    </Stack>
  );
}
