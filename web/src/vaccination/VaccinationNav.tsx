import { Anchor, Group } from '@mantine/core';
import { NavLink } from 'react-router';
import { useActor } from '../ActorContext.js';
import { useT, type TKey } from '../i18n/useT.js';
import type { Role } from '../navigation.js';

interface Link {
  to: string;
  label: TKey;
}

const page = (path: string, label: TKey): Link => ({ to: path === '' ? '/vaccination' : `/vaccination/${path}`, label });
const supply = page('supply', 'vaccinationSupply.nav.supply');
const deliveries = page('deliveries', 'vaccinationSupply.nav.deliveries');
const vials = page('vials', 'vaccinationSupply.nav.vials');
const nvr = page('nvr', 'vaccinationSupply.nav.nvr');
const invitations = page('invitations', 'vaccinationSupply.nav.invitations');
const coverage = page('coverage', 'vaccinationSupply.nav.coverage');
const callCentre = page('call-centre', 'vaccination.nav.callCentre');

/** The vaccination pages each role works with; the first is the section's start page (VaccinationIndex). */
const LINKS: Partial<Record<Role, Link[]>> = {
  citizen: [page('', 'vaccination.nav.mine'), page('book', 'vaccination.nav.book')],
  vaccinator: [page('', 'vaccination.nav.day'), page('person', 'vaccination.nav.person'), callCentre, supply, vials],
  site_manager: [page('', 'vaccination.nav.sites'), page('day', 'vaccination.nav.day'), callCentre, supply, vials, nvr],
  vaccine_coordinator: [page('', 'vaccination.nav.recommendations'), page('sites', 'vaccination.nav.sites'), callCentre, supply, deliveries, nvr, invitations, coverage],
};

/** The vaccination section's sub-navigation for the signed-in role (the server decides what each may do). */
export function VaccinationNav() {
  const { t } = useT();
  const { role } = useActor();
  const list = role ? (LINKS[role] ?? []) : [];
  if (list.length < 2) return null;
  return (
    <nav aria-label={t('vaccination.nav.label')}>
      <Group gap="md" mb="lg" wrap="wrap">
        {list.map((l) => (
          <Anchor key={l.to} component={NavLink} to={l.to} end={l.to === '/vaccination'}>
            {t(l.label)}
          </Anchor>
        ))}
      </Group>
    </nav>
  );
}
