import { Burger, Group } from '@mantine/core';
import type { Actor } from '../api.js';
import { useT } from '../i18n/useT.js';
import { Brand } from './Brand.js';
import { UserControls } from './UserControls.js';

export interface HeaderBarProps {
  actor: Actor;
  /** On small screens the user controls move into the navigation drawer. */
  mobile: boolean;
  navigationOpen: boolean;
  onToggleNavigation: () => void;
}

export function HeaderBar({ actor, mobile, navigationOpen, onToggleNavigation }: HeaderBarProps) {
  const { t } = useT();
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Group gap="sm" wrap="nowrap">
        {mobile && (
          <Burger
            opened={navigationOpen}
            onClick={onToggleNavigation}
            size="sm"
            aria-label={navigationOpen ? t('header.closeNavigation') : t('header.openNavigation')}
            aria-expanded={navigationOpen}
            aria-controls="main-navigation"
          />
        )}
        <Brand regionName={actor.region.name} />
      </Group>
      {!mobile && <UserControls actor={actor} />}
    </Group>
  );
}
