import { Text } from '@mantine/core';
import { useActor } from '../../ActorContext.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useT } from '../../i18n/useT.js';
import { CoveragePage } from '../supply/CoveragePage.js';
import { DayPage } from './DayPage.js';
import { MyVaccinationPage } from './MyVaccinationPage.js';
import { RecommendationsPage } from './RecommendationsPage.js';
import { SitesPage } from './SitesPage.js';

/** `/vaccination`: what each role starts with. */
export function VaccinationIndex() {
  const { t } = useT();
  const { role } = useActor();
  switch (role) {
    case 'citizen':
      return <MyVaccinationPage />;
    case 'vaccinator':
      return <DayPage />;
    case 'site_manager':
      return <SitesPage />;
    case 'vaccine_coordinator':
      return <RecommendationsPage />;
    case 'analyst':
    case 'national_analyst':
      return <CoveragePage />;
    default:
      return (
        <>
          <PageHeading title={t('vaccination.title')} />
          <Text>{t('vaccination.statisticsOnly')}</Text>
        </>
      );
  }
}
