import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../platform/db/client.js';
import { calendarDateInStockholm } from '../identity/identity-number.js';
import { reportingAgreements, reportingInitiatives, reportingInitiativeStatuses, reportingRounds, reportingTemplates, reportingTemplateVersions } from './model.js';
import { answeringSet, organisations } from './organisations.js';
import { NARA_VARD_AREA, naraVardRegionTemplate, naraVardRssTemplate, STAFF_AREA, testingTemplate, vaccinationTemplate } from './seed-templates.js';
import { digestOf } from './signing.js';
import { TemplateContent, type TemplateInput } from './template.js';

/**
 * The demo's agreements, templates and rounds get ids from their names, the same on every instance: a region's
 * instance that also loads the demo then holds the very rows it later copies from the nation (definitions.ts).
 */
function seededId(name: string): string {
  const h = createHash('sha256').update(`lagesbild.reporting.demo:${name}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

async function agreement(tx: Db, name: string, description: string): Promise<string> {
  await tx.insert(reportingAgreements).values({ id: seededId(name), name, description }).onConflictDoNothing();
  return (await tx.select({ id: reportingAgreements.id }).from(reportingAgreements).where(eq(reportingAgreements.name, name)))[0]!.id;
}

/** A template's first version (the demo never changes a template someone may have edited since). */
async function template(tx: Db, name: string, input: TemplateInput): Promise<string> {
  const [created] = await tx.insert(reportingTemplates).values({ id: seededId(name), name }).onConflictDoNothing().returning();
  if (created) {
    const content = TemplateContent.parse(input);
    await tx.insert(reportingTemplateVersions).values({ id: seededId(`${name} v1`), templateId: created.id, version: 1, content, digest: digestOf(content), createdBy: 'Lägesbild (demo)' });
  }
  const [t] = await tx.select({ id: reportingTemplates.id }).from(reportingTemplates).where(eq(reportingTemplates.name, name));
  const [v] = await tx.select({ id: reportingTemplateVersions.id }).from(reportingTemplateVersions).where(eq(reportingTemplateVersions.templateId, t!.id)).orderBy(reportingTemplateVersions.version).limit(1);
  return v!.id;
}

/**
 * The national follow-ups (agreements, the seeds' templates and one open round each; shared by all regions,
 * made once) and the region's own initiatives in the nära vård register.
 */
export async function loadReportingDemo(tx: Db, regionId: string, now: Date) {
  const today = calendarDateInStockholm(now);
  const vaccination = await agreement(tx, 'Vaccination mot covid-19', 'SKR:s uppföljning av regionernas arbete med vaccinering mot covid-19.');
  const testing = await agreement(tx, 'Provtagning och smittspårning för covid-19', 'SKR:s uppföljning av regionernas provtagning och smittspårning.');
  const naraVard = await agreement(tx, 'God och nära vård 2021', 'Överenskommelsen om God och nära vård 2021 (S2021/00820), Socialstyrelsens uppföljning.');
  const templates = {
    vaccination: await template(tx, 'SKR uppföljning vaccination mot covid-19', vaccinationTemplate),
    testing: await template(tx, 'SKR uppföljning provtagning och smittspårning', testingTemplate),
    regions: await template(tx, 'Nära vård – redovisning regioner (Bilaga 2)', naraVardRegionTemplate),
    rss: await template(tx, 'Nära vård – redovisning RSS (Bilaga 1)', naraVardRssTemplate),
  };
  const round = (agreementId: string, name: string, kind: 'monthly' | 'partial', templateVersionId: string, orgs: string[], periodDays: number) => ({
    id: seededId(`${agreementId} ${name}`),
    agreementId,
    name,
    kind,
    periodFrom: addDays(today, -periodDays),
    periodTo: addDays(today, -1),
    opensOn: addDays(today, -5),
    deadline: addDays(today, 9),
    templateVersionId,
    organisations: orgs,
    createdBy: 'Lägesbild (demo)',
  });
  await tx
    .insert(reportingRounds)
    .values([
      round(vaccination, `Uppföljning ${today.slice(0, 7)}`, 'monthly', templates.vaccination, answeringSet(false), 30),
      round(testing, `Uppföljning ${today.slice(0, 7)}`, 'monthly', templates.testing, answeringSet(false), 28),
      round(naraVard, 'Delredovisning regioner', 'partial', templates.regions, answeringSet(false), 180),
      round(naraVard, 'Delredovisning RSS', 'partial', templates.rss, organisations.filter((o) => o.kind === 'rss').map((o) => o.code), 180),
    ])
    .onConflictDoNothing();

  const existing = await tx.select({ id: reportingInitiatives.id }).from(reportingInitiatives).where(eq(reportingInitiatives.regionId, regionId)).limit(1);
  if (existing.length) return;
  const at = now.toISOString();
  const org = `region-${regionId}`;
  const base = { regionId, agreementId: naraVard, organisation: org, participants: ['Regionen', 'Länets kommuner'], updatedBy: 'Lägesbild (demo)', updatedAt: at };
  const rows = await tx
    .insert(reportingInitiatives)
    .values([
      { ...base, title: 'Mobila team för äldre med omfattande behov', developmentArea: NARA_VARD_AREA, focusArea: 'Samverkan region – kommun', targetGroup: 'Äldre med kommunal hälso- och sjukvård', status: 'ongoing', reach: 'region_wide', privateProviders: 'no', measured: 'output', genderPerspective: 'Uppföljning av besök per kön.' },
      { ...base, title: 'Digitala vårdmöten i glesbygd', developmentArea: NARA_VARD_AREA, focusArea: 'Undvikbar sjukhusvård', targetGroup: 'Invånare i glesbygd', status: 'started', reach: 'project', privateProviders: 'yes', measured: 'none' },
      { ...base, title: 'Introduktionsprogram för nya undersköterskor', developmentArea: STAFF_AREA, focusArea: 'Ändamålsenlig kompetensförsörjning', targetGroup: 'Nyanställda undersköterskor', status: 'planned', reach: 'region_wide', privateProviders: 'no', measured: 'none' },
    ])
    .returning({ id: reportingInitiatives.id, status: reportingInitiatives.status });
  await tx.insert(reportingInitiativeStatuses).values(rows.map((r) => ({ regionId, initiativeId: r.id, status: r.status, roundId: null, changedBy: 'Lägesbild (demo)', changedAt: at })));
}
