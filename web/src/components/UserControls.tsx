import { Group, Stack } from '@mantine/core';
import type { Actor } from '../api.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { LogoutButton } from './LogoutButton.js';
import { UserSummary } from './UserSummary.js';

/** Who is signed in, the language switch and log out: in the header, or stacked in the mobile drawer. */
export function UserControls({ actor, stacked = false }: { actor: Actor; stacked?: boolean }) {
  if (stacked) {
    return (
      <Stack gap="sm" align="flex-start">
        <UserSummary actor={actor} align="flex-start" />
        <Group gap="sm">
          <LanguageSwitch />
          <LogoutButton />
        </Group>
      </Stack>
    );
  }
  return (
    <Group gap="md" wrap="nowrap">
      <UserSummary actor={actor} />
      <LanguageSwitch />
      <LogoutButton />
    </Group>
  );
}
