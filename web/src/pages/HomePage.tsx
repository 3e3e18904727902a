import { SimpleGrid, Text, Title } from '@mantine/core';
import { useActor } from '../ActorContext.js';
import { navigationFor } from '../navigation.js';
import { useT } from '../i18n/useT.js';
import { PageHeading } from '../components/PageHeading.js';
import { SectionCard } from '../components/SectionCard.js';

/** Start page: a greeting and a card for each section the role works in. */
export function HomePage() {
  const { t, tMaybe } = useT();
  const { actor, role } = useActor();
  const entries = navigationFor(role);
  const region = actor.region.name;

  let intro: string;
  if (actor.kind === 'citizen') {
    intro = t('home.citizenIntro', { region });
  } else if (actor.role === 'national_analyst') {
    // Works for the whole country; the region the session happens to run in is not theirs.
    intro = t('home.nationalIntro');
  } else {
    const roleName = tMaybe(`roles.${actor.role}`, actor.role).toLocaleLowerCase();
    intro = actor.unitName
      ? t('home.staffIntroWithUnit', { role: roleName, unit: actor.unitName, region })
      : t('home.staffIntro', { role: roleName, region });
  }

  return (
    <>
      <PageHeading title={t('home.greeting', { name: actor.name })} documentTitle={t('home.title')} />
      <Text mb="xl">{intro}</Text>
      <Title order={2} size="h3" mb="md">
        {t('home.cardsHeading')}
      </Title>
      {entries.length === 0 ? (
        <Text>{t('home.noSections')}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {entries.map((entry) => (
            <SectionCard key={entry.section} entry={entry} />
          ))}
        </SimpleGrid>
      )}
    </>
  );
}
