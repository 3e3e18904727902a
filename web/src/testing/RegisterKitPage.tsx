import { useRef, useState, type FormEvent } from 'react';
import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { isApiError } from '../api.js';
import { PageHeading } from '../components/PageHeading.js';
import { useT } from '../i18n/useT.js';
import { KitCodeField } from './KitCodeField.js';
import { kitProblemHeadline } from './kitProblem.js';
import { QrScanner } from './QrScanner.js';
import { TestingProblem } from './TestingProblem.js';
import { useRegisterKit } from './testingApi.js';

/**
 * `/testing/register` (citizen): register a kit by scanning its QR code or typing the code. A QR label
 * can also open this page directly (`?kit=CODE`), which fills the code in.
 */
export function RegisterKitPage() {
  const { t } = useT();
  const [params] = useSearchParams();
  const [code, setCode] = useState(params.get('kit') ?? '');
  const register = useRegisterKit();
  const submitRef = useRef<HTMLButtonElement>(null);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (code.trim() === '') return;
    register.mutate(code.trim());
  };

  const onScanned = (text: string) => {
    setCode(text);
    register.reset();
    submitRef.current?.focus();
  };

  if (register.isSuccess) {
    return (
      <>
        <PageHeading title={t('testing.register.title')} />
        <Alert color="green" variant="light" title={t('testing.register.doneTitle')} role="status" maw={720}>
          <Text>{t('testing.register.done', { code: register.data.kitCode ?? code })}</Text>
          <Text fw={600} mt="xs">
            {t('testing.mine.status', { status: t(`testing.steps.${register.data.status}`) })}
          </Text>
          <Group mt="md">
            <Button component={Link} to="/testing">
              {t('testing.register.toMine')}
            </Button>
          </Group>
        </Alert>
      </>
    );
  }

  const fieldError = isApiError(register.error) ? register.error.fieldErrors.find((e) => e.field === 'kitCode') : undefined;
  return (
    <>
      <PageHeading title={t('testing.register.title')} />
      <Text mb="lg" maw={720}>
        {t('testing.register.intro')}
      </Text>
      <Stack gap="lg" maw={720}>
        <Paper withBorder p="md" component="section" aria-labelledby="scan-heading">
          <Title order={2} size="h3" id="scan-heading" mb="xs">
            {t('testing.register.scanHeading')}
          </Title>
          <QrScanner onCode={onScanned} />
        </Paper>
        <Paper withBorder p="md" component="section" aria-labelledby="type-heading">
          <Title order={2} size="h3" id="type-heading" mb="xs">
            {t('testing.register.typeHeading')}
          </Title>
          <form onSubmit={submit} noValidate>
            <KitCodeField
              label={t('testing.register.kitCode')}
              value={code}
              onChange={(value) => {
                setCode(value);
                if (register.isError) register.reset();
              }}
              error={fieldError !== undefined}
            />
            {register.isError && <TestingProblem error={register.error} headline={t(kitProblemHeadline(register.error))} />}
            <Button type="submit" mt="md" loading={register.isPending} ref={submitRef}>
              {t('testing.register.submit')}
            </Button>
          </form>
        </Paper>
      </Stack>
    </>
  );
}
