import { Button } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { forgetUserData, useLogout } from '../api.js';
import { useT } from '../i18n/useT.js';

export function LogoutButton() {
  const { t } = useT();
  const logout = useLogout();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const leave = () => {
    // Whether or not the server still knew the session, the user is out.
    void Promise.resolve(navigate('/login', { replace: true })).then(() => forgetUserData(queryClient));
  };
  return (
    <Button variant="outline" size="sm" loading={logout.isPending} onClick={() => logout.mutate(undefined, { onSettled: leave })}>
      {t('header.logout')}
    </Button>
  );
}
