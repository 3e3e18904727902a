import { Stack, Text } from '@mantine/core';
import type { Actor } from '../api.js';
import { useT } from '../i18n/useT.js';

/** The signed-in user's name and role (and unit). */
export function UserSummary({ actor, align = 'flex-end' }: { actor: Actor; align?: 'flex-start' | 'flex-end' }) {
  const { t, tMaybe } = useT();
  const role = actor.kind === 'citizen' ? t('roles.citizen') : tMaybe(`roles.${actor.role}`, actor.role);
  const detail = actor.kind === 'staff' && actor.unitName ? `${role}, ${actor.unitName}` : role;
  return (
    <Stack gap={0} align={align}>
      <Text size="sm" fw={600}>
        {actor.name}
      </Text>
      <Text size="xs" c="dimmed">
        {detail}
      </Text>
    </Stack>
  );
}
