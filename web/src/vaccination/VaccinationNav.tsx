import { useActor } from '../ActorContext.js';
import { SubNav, type SubNavLink } from '../components/SubNav.js';
import type { TKey } from '../i18n/useT.js';
import type { Role } from '../navigation.js';

const page = (to: string, label: TKey): SubNavLink => ({ to, label });
const supply = page('supply', 'vaccinationSupply.nav.supply');
const deliveries = page('deliveries', 'vaccinationSupply.nav.deliveries');
const vials = page('vials', 'vaccinationSupply.nav.vials');
const nvr = page('nvr', 'vaccinationSupply.nav.nvr');
const invitations = page('invitations', 'vaccinationSupply.nav.invitations');
const coverage = page('coverage', 'vaccinationSupply.nav.coverage');
const callCentre = page('call-centre', 'vaccination.nav.callCentre');
const adverseEvents = page('adverse-events', 'vaccination.adverse.statistics.nav');

/** The vaccination pages each role works with; the first is the section's start page (VaccinationIndex). */
const LINKS: Partial<Record<Role, SubNavLink[]>> = {
  citizen: [page('', 'vaccination.nav.mine'), page('book', 'vaccination.nav.book'), page('adverse-event', 'vaccination.adverse.report')],
  vaccinator: [page('', 'vaccination.nav.day'), page('person', 'vaccination.nav.person'), callCentre, supply, vials],
  site_manager: [page('', 'vaccination.nav.sites'), page('day', 'vaccination.nav.day'), callCentre, supply, vials, nvr],
  vaccine_coordinator: [page('', 'vaccination.nav.recommendations'), page('sites', 'vaccination.nav.sites'), callCentre, supply, deliveries, nvr, invitations, coverage, adverseEvents],
};

/** The vaccination section's sub-navigation for the signed-in role (the server decides what each may do). */
export function VaccinationNav() {
  const { role } = useActor();
  return <SubNav base="/vaccination" label="vaccination.nav.label" links={(role && LINKS[role]) || []} />;
}
