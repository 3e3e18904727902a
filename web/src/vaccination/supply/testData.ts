import type { Site } from '../core/vaccinationApi.js';

/** A vaccination site as `GET /api/vaccination/sites` returns it. */
export const site = (id: string, name: string): Site => ({ id, name, kind: 'vardcentral', municipalityCode: '1880', postalCode: null, streetAddress: null, vaccines: ['covid-19'], slotMinutes: 10, active: true, bookable: true });

/** `GET /api/vaccination/supply/products`. */
export const products = { products: [{ productCode: 'comirnaty', vaccine: 'covid-19', name: 'Comirnaty (Pfizer/BioNTech)', dosesPerVial: 6 }] };

/** The text of the elements that describe an input (Mantine links its error message this way). */
export const described = (el: HTMLElement) =>
  (el.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => (id ? (document.getElementById(id)?.textContent ?? '') : ''))
    .join(' ');
