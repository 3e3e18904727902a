import { regionNames } from '../identity/regions.js';

/**
 * Who answers a follow-up: the 21 regions, and for nära vård also the municipalities' regional support
 * structures (RSS, seed 004 Bilaga 1). RSS are not one per county: Västra Götaland's 49 municipalities report
 * through four associations of local authorities. Each organisation belongs to one county, whose region's
 * instance holds its answers (an RSS reports through the region it collaborates with).
 */
export interface Organisation {
  code: string;
  kind: 'region' | 'rss';
  name: string;
  regionId: string;
}

const county = (id: string) => regionNames[id]!.name.replace(/^Region /, '').replace('Västra Götalandsregionen', 'Västra Götaland');

const rss: [string, string, string][] = [
  ['rss-01', '01', 'Storsthlm'],
  ['rss-12', '12', 'Kommunförbundet Skåne'],
  ['rss-14-fyrbodal', '14', 'Fyrbodals kommunalförbund'],
  ['rss-14-gr', '14', 'Göteborgsregionen (GR)'],
  ['rss-14-sjuharad', '14', 'Boråsregionen Sjuhärads kommunalförbund'],
  ['rss-14-skaraborg', '14', 'Skaraborgs kommunalförbund'],
];

export const organisations: Organisation[] = [
  ...Object.entries(regionNames).map(([id, r]): Organisation => ({ code: `region-${id}`, kind: 'region', name: r.name, regionId: id })),
  ...Object.keys(regionNames)
    .filter((id) => !rss.some(([, r]) => r === id))
    .map((id): Organisation => ({ code: `rss-${id}`, kind: 'rss', name: `RSS ${county(id)}`, regionId: id })),
  ...rss.map(([code, regionId, name]): Organisation => ({ code, kind: 'rss', name, regionId })),
].sort((a, b) => a.regionId.localeCompare(b.regionId) || a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name, 'sv'));

const byCode = new Map(organisations.map((o) => [o.code, o]));
export const organisationOf = (code: string): Organisation | undefined => byCode.get(code);

/** The default answering set of a round: the 21 regions, plus every RSS when municipalities report too. */
export const answeringSet = (withRss: boolean): string[] => organisations.filter((o) => o.kind === 'region' || withRss).map((o) => o.code);
