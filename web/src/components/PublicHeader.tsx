import { Group } from '@mantine/core';
import { Brand } from './Brand.js';
import { LanguageSwitch } from './LanguageSwitch.js';

/** Header for pages outside the signed-in shell. */
export function PublicHeader({ regionName }: { regionName?: string | undefined }) {
  return (
    <Group
      component="header"
      h={64}
      px="md"
      justify="space-between"
      wrap="nowrap"
      style={{ borderBottom: '3px solid var(--mantine-primary-color-filled)' }}
    >
      <Brand regionName={regionName} />
      <LanguageSwitch />
    </Group>
  );
}
