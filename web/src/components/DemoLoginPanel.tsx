import { Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { useLocation, useNavigate } from 'react-router';
import { useDemoLogin, useDemoUsers, type DemoLoginRequest } from '../api.js';
import { returnPath } from '../redirectToLogin.js';
import { useT } from '../i18n/useT.js';
import { DemoCitizenList } from './DemoCitizenList.js';
import { DemoStaffList } from './DemoStaffList.js';
import { PageLoader } from './PageLoader.js';
import { ProblemAlert } from './ProblemAlert.js';

/** Pick a synthetic user to log in as (only when the server runs in demo mode). */
export function DemoLoginPanel() {
  const { t } = useT();
  const users = useDemoUsers(true);
  const login = useDemoLogin();
  const navigate = useNavigate();
  const location = useLocation();

  const choose = (request: DemoLoginRequest) =>
    login.mutate(request, { onSuccess: () => void navigate(returnPath(location.state), { replace: true }) });
  const pendingId = login.isPending ? (login.variables?.id ?? null) : null;

  return (
    <Paper
      component="section"
      aria-labelledby="demo-login-title"
      withBorder
      p="lg"
      mt="xl"
      bg="yellow.0"
      style={{ borderColor: 'var(--mantine-color-yellow-6)', borderWidth: 2 }}
    >
      <Title order={2} size="h3" id="demo-login-title">
        {t('login.demoTitle')}
      </Title>
      <Text mt="xs" mb="md">
        {t('login.demoText')}
      </Text>
      {login.isError && <ProblemAlert error={login.error} />}
      {users.isPending && <PageLoader />}
      {users.isError && <ProblemAlert error={users.error} onRetry={() => void users.refetch()} />}
      {users.data && (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xl">
          <DemoStaffList
            staff={users.data.staff}
            pendingId={pendingId}
            onChoose={(id) => choose({ kind: 'staff', id })}
          />
          <DemoCitizenList
            citizens={users.data.citizens}
            pendingId={pendingId}
            onChoose={(id) => choose({ kind: 'citizen', id })}
          />
        </SimpleGrid>
      )}
    </Paper>
  );
}
