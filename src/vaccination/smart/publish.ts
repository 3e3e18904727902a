import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/sql.js';
import { bookableDosesAt } from '../supply/availability.js';
import type { Vaccine } from '../model.js';
import { isoOf } from '../rules.js';

/**
 * Open times in the SMART Scheduling Links format (https://github.com/smart-on-fhir/smart-scheduling-links):
 * a `$bulk-publish` manifest naming NDJSON files of FHIR Location, Schedule and Slot resources, so other
 * booking front ends can show the region's times and link into its booking.
 */

export const SMART_FILES = ['locations', 'schedules', 'slots'] as const;
export type SmartFile = (typeof SMART_FILES)[number];
const typeOf: Record<SmartFile, string> = { locations: 'Location', schedules: 'Schedule', slots: 'Slot' };

/** How far ahead times are published. */
const HORIZON_DAYS = 28;

export function manifest(base: string, transactionTime: string) {
  return {
    transactionTime,
    request: `${base}/api/vaccination/$bulk-publish`,
    output: SMART_FILES.map((f) => ({ type: typeOf[f], url: `${base}/api/vaccination/smart/${f}.ndjson` })),
    error: [],
  };
}

interface SiteRow {
  id: string;
  name: string;
  street_address: string | null;
  postal_code: string | null;
  locality: string | null;
  municipality: string | null;
  vaccines: Vaccine[];
}

const publicSites = (tx: Db, regionId: string) =>
  queryRows<SiteRow>(
    tx,
    sql`SELECT s.id, s.name, s.street_address, s.postal_code, pc.locality, m.name AS municipality, s.vaccines
      FROM vaccination_sites s LEFT JOIN postal_codes pc ON pc.postal_code = s.postal_code LEFT JOIN municipalities m ON m.code = s.municipality_code
      WHERE s.region_id = ${regionId} AND s.active AND s.kind IN ('vardcentral', 'mass_centre', 'mobile_unit') ORDER BY s.name`,
  );

const serviceType = (vaccines: Vaccine[]) => [
  {
    coding: [
      { system: 'http://terminology.hl7.org/CodeSystem/service-type', code: '57', display: 'Immunization' },
      ...(vaccines.includes('covid-19') ? [{ system: 'http://fhir-registry.smarthealthit.org/CodeSystem/service-type', code: 'covid19-immunization', display: 'COVID-19 Immunization Appointment' }] : []),
    ],
  },
  ...(vaccines.includes('influenza') ? [{ text: 'Influenza immunization' }] : []),
];

/** The resources of one file, one JSON object per line. */
export async function resources(tx: Db, regionId: string, file: SmartFile, base: string, now: Date): Promise<object[]> {
  const sites = await publicSites(tx, regionId);
  if (file === 'locations') {
    return sites.map((s) => ({
      resourceType: 'Location',
      id: s.id,
      name: s.name,
      telecom: [{ system: 'url', value: `${base}/vaccination` }],
      address: { line: s.street_address ? [s.street_address] : [], city: s.locality ?? s.municipality ?? undefined, district: s.municipality ?? undefined, postalCode: s.postal_code ?? undefined, country: 'SE' },
    }));
  }
  if (file === 'schedules') return sites.map((s) => ({ resourceType: 'Schedule', id: s.id, serviceType: serviceType(s.vaccines), actor: [{ reference: `Location/${s.id}` }] }));
  const ids = sites.map((s) => s.id);
  if (ids.length === 0) return [];
  const slots = await queryRows<{ id: string; site_id: string; starts_at: string; ends_at: string; day: string; capacity: number; booked: number }>(
    tx,
    sql`SELECT id, site_id, starts_at, ends_at, day, capacity, booked FROM vaccination_slots
      WHERE region_id = ${regionId} AND site_id = ANY(${sql.param(ids)}::uuid[]) AND starts_at > ${now.toISOString()}::timestamptz
        AND starts_at < ${new Date(now.getTime() + HORIZON_DAYS * 86_400_000).toISOString()}::timestamptz AND released_at <= ${now.toISOString()}::timestamptz
      ORDER BY starts_at`,
  );
  // A site-day the supply area says has no doses left shows as busy, as it does in the region's own booking.
  const bookable = await bookableDosesAt(tx, regionId, now);
  return slots.map((s) => {
    const free = bookable(s.site_id, s.day) === 0 ? 0 : s.capacity - s.booked;
    return {
      resourceType: 'Slot',
      id: s.id,
      schedule: { reference: `Schedule/${s.site_id}` },
      status: free > 0 ? 'free' : 'busy',
      start: isoOf(s.starts_at),
      end: isoOf(s.ends_at),
      extension: [
        { url: 'http://fhir-registry.smarthealthit.org/StructureDefinition/booking-deep-link', valueUrl: `${base}/vaccination/book?${new URLSearchParams({ site: s.site_id, date: s.day, slot: s.id })}` },
        { url: 'http://fhir-registry.smarthealthit.org/StructureDefinition/slot-capacity', valueInteger: free },
      ],
    };
  });
}
