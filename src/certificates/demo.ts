import { and, eq, sql } from 'drizzle-orm';
import { systemActor } from '../platform/auth/actor.js';
import type { AppContext } from '../platform/context.js';
import type { Db } from '../platform/db/client.js';
import { queryRows } from '../platform/db/sql.js';
import { staff } from '../identity/model.js';
import { demoUsers } from '../identity/login.js';
import { stockholmTime } from '../platform/time.js';
import { dosesOfPeople, insertDose } from '../vaccination/store.js';
import { personFacts } from './facts.js';
import { handleRequest, vaultOf } from './issuance.js';
import type { CertificateKind } from './hcert/kinds.js';
import { activeSigner } from './signing/store.js';

/**
 * The demo's certificates: the region's signing keys, two covid-19 doses for the demo citizen aged 50–79
 * and for a person with a reservnummer (so a newcomer can get a certificate and an administrator can issue a
 * paper one), and four months of requests (issued, refused by rule, one waiting in the queue) for the
 * statistics. The adult demo citizen keeps an empty vaccination record: the vaccination walkthrough books
 * their first dose.
 */
export async function loadCertificatesDemo(ctx: AppContext, now: Date): Promise<{ requests: number }> {
  const regionId = ctx.config.regionId;
  const db = ctx.database.db;
  await db.transaction((tx) => activeSigner(tx, vaultOf(ctx), regionId, now));
  const [vaccinator] = await db.select({ id: staff.id }).from(staff).where(and(eq(staff.regionId, regionId), eq(staff.role, 'vaccinator'), eq(staff.synthetic, true))).limit(1);
  if (!vaccinator) return { requests: 0 };

  const citizen = (await demoUsers(ctx)).citizens.find((c) => c.note === '50–79 år');
  const [reserve] = await queryRows<{ person_id: string }>(db, sql`SELECT person_id FROM person_identifiers WHERE region_id = ${regionId} AND kind = 'reservnummer' ORDER BY person_id LIMIT 1`);
  await db.transaction(async (tx) => {
    for (const personId of [citizen?.id, reserve?.person_id]) if (personId) await ensureTwoDoses(tx, regionId, personId, vaccinator.id);
  });

  // Requests over the last four months, as people asked for them then.
  const people = await queryRows<{ person_id: string }>(
    db,
    sql`SELECT d.person_id FROM vaccination_doses d JOIN person_identifiers i ON i.region_id = d.region_id AND i.person_id = d.person_id AND i.kind = 'personnummer'
      WHERE d.region_id = ${regionId} AND d.vaccine = 'covid-19' AND d.person_id <> ${citizen?.id ?? '00000000-0000-0000-0000-000000000000'}
      GROUP BY d.person_id ORDER BY d.person_id LIMIT 80`,
  );
  const system = systemActor(regionId, 'Demo');
  let requests = 0;
  for (const [i, { person_id: personId }] of people.entries()) {
    const at = new Date(now.getTime() - (((i * 37) % 120) + 1) * 86_400_000);
    const kind: CertificateKind = i % 5 === 4 ? 'recovery' : i % 7 === 6 ? 'test' : 'vaccination';
    const asked = { ...ctx, clock: { now: () => at } };
    await db.transaction(async (tx) => {
      const person = (await personFacts(tx, regionId, personId))!;
      const review = i === 3 ? { missing: 'En dos given utomlands saknas i journalen', note: 'Dos 3 given i Danmark' } : undefined;
      await handleRequest(tx, asked, { ...system, kind: 'citizen', id: personId, role: 'citizen' }, { person, kind, paper: false, onBehalf: false, ...(review ? { review } : {}) });
    });
    requests++;
  }
  return { requests };
}

async function ensureTwoDoses(tx: Db, regionId: string, personId: string, vaccinatorId: string) {
  const doses = (await dosesOfPeople(tx, regionId, [personId])).filter((d) => d.vaccine === 'covid-19');
  if (doses.length > 0) return;
  for (const [n, day] of [
    [1, '2021-05-10'],
    [2, '2021-06-21'],
  ] as const) {
    await insertDose(tx, { regionId, personId, vaccine: 'covid-19', productCode: 'comirnaty', batchNumber: `FD${1200 + n}`, doseNumber: n, administeredAt: stockholmTime(day, '10:00').toISOString(), recordedBy: vaccinatorId });
  }
}
