import type { Vaccine } from './model.js';

/**
 * Vaccine products a dose can be recorded with (the product code as NVR knows it). A dose of another
 * product is refused at the edge; add a product here when the region starts using it.
 */
export const products: readonly { code: string; name: string; vaccine: Vaccine }[] = [
  { code: 'comirnaty', name: 'Comirnaty (Pfizer/BioNTech)', vaccine: 'covid-19' },
  { code: 'comirnaty-xbb15', name: 'Comirnaty Omicron XBB.1.5', vaccine: 'covid-19' },
  { code: 'spikevax', name: 'Spikevax (Moderna)', vaccine: 'covid-19' },
  { code: 'vaxzevria', name: 'Vaxzevria (AstraZeneca)', vaccine: 'covid-19' },
  { code: 'nuvaxovid', name: 'Nuvaxovid (Novavax)', vaccine: 'covid-19' },
  { code: 'vaxigrip-tetra', name: 'Vaxigrip Tetra', vaccine: 'influenza' },
  { code: 'fluenz-tetra', name: 'Fluenz Tetra (nässpray)', vaccine: 'influenza' },
  { code: 'efluelda', name: 'Efluelda', vaccine: 'influenza' },
];

export const productOf = (code: string) => products.find((p) => p.code === code);
