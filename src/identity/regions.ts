/**
 * The 21 regions: official names and approximate inhabitants (SCB, end of 2021, rounded to the thousand),
 * used as the denominator of rates per 100,000. Codes are the county codes of reference/geo/counties.csv.
 */
export const regionNames: Record<string, { name: string; population: number }> = {
  '01': { name: 'Region Stockholm', population: 2_415_000 },
  '03': { name: 'Region Uppsala', population: 395_000 },
  '04': { name: 'Region Sörmland', population: 299_000 },
  '05': { name: 'Region Östergötland', population: 468_000 },
  '06': { name: 'Region Jönköpings län', population: 366_000 },
  '07': { name: 'Region Kronoberg', population: 202_000 },
  '08': { name: 'Region Kalmar län', population: 246_000 },
  '09': { name: 'Region Gotland', population: 60_000 },
  '10': { name: 'Region Blekinge', population: 160_000 },
  '12': { name: 'Region Skåne', population: 1_389_000 },
  '13': { name: 'Region Halland', population: 337_000 },
  '14': { name: 'Västra Götalandsregionen', population: 1_734_000 },
  '17': { name: 'Region Värmland', population: 283_000 },
  '18': { name: 'Region Örebro län', population: 306_000 },
  '19': { name: 'Region Västmanland', population: 279_000 },
  '20': { name: 'Region Dalarna', population: 288_000 },
  '21': { name: 'Region Gävleborg', population: 288_000 },
  '22': { name: 'Region Västernorrland', population: 244_000 },
  '23': { name: 'Region Jämtland Härjedalen', population: 132_000 },
  '24': { name: 'Region Västerbotten', population: 275_000 },
  '25': { name: 'Region Norrbotten', population: 250_000 },
};
