import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { useT } from '../i18n/useT.js';
import { useMyVaccination } from '../vaccination/core/vaccinationApi.js';
import { downloadFile } from './download.js';

/**
 * The citizen's register extract (GDPR art. 15): one click downloads the PDF to read and the JSON to keep, in the
 * page's language; a guardian gets one for each child of the household too.
 */
export function RegisterExtractButton() {
  const { t, language } = useT();
  const children = useMyVaccination().data?.children ?? [];
  const download = useMutation({
    mutationFn: async (personId: string | null) => {
      const whose = personId ? `&personId=${personId}` : '';
      await downloadFile(`/api/privacy/extract.pdf?lang=${language}${whose}`, 'registerutdrag.pdf');
      await downloadFile(`/api/privacy/extract.json?lang=${language}${whose}`, 'registerutdrag.json');
    },
  });
  return (
    <Stack component="section" aria-labelledby="register-extract-heading" gap="sm" mb="xl" maw={720}>
      <Title order={2} size="h3" id="register-extract-heading">
        {t('privacy.extract.heading')}
      </Title>
      <Text>{t('privacy.extract.intro')}</Text>
      <div>
        <Button onClick={() => download.mutate(null)} loading={download.isPending && download.variables === null}>
          {t('privacy.extract.button')}
        </Button>
      </div>
      {children.length > 0 && (
        <>
          <Text>{t('privacy.extract.childIntro')}</Text>
          <Group>
            {children.map((c) => (
              <Button key={c.personId} variant="light" onClick={() => download.mutate(c.personId)} loading={download.isPending && download.variables === c.personId}>
                {t('privacy.extract.childButton', { name: c.name })}
              </Button>
            ))}
          </Group>
        </>
      )}
      {download.isSuccess && (
        <Alert color="green" variant="light" role="status">
          {t('privacy.extract.done')}
        </Alert>
      )}
      {download.isError && <ProblemAlert error={download.error} />}
    </Stack>
  );
}
