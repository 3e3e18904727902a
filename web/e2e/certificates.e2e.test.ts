import { writeFileSync } from 'node:fs';
import type { APIRequestContext } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { MUNICIPALITY_NAMES } from '../src/testing/municipalities.js';
import { describeInBrowser } from './browser.js';
import { demoCitizen, demoStaff, expectNoProblems, swedishDate, useE2e, visible, type User } from './session.js';

const CITIZEN_SCREENSHOT = '/tmp/lagesbild-certificates-citizen.png';
const VERIFY_SCREENSHOT = '/tmp/lagesbild-certificates-verify.png';
const ADMIN_SCREENSHOT = '/tmp/lagesbild-certificates-paper.png';
const STATISTICS_SCREENSHOT = '/tmp/lagesbild-certificates-statistics.png';
const QR_FILE = '/tmp/lagesbild-certificates-qr.png';
/** Last week's mRNA batch, which the demo delivered to every bookable site (src/vaccination/supply/demo.ts). */
const BATCH = 'HH2817';
const PURPOSE = 'e2e: underlag för covidbevis';

/**
 * Certificates end to end: the demo citizen gets a vaccination certificate at once, downloads its PDF and
 * the public verification page accepts its QR code; the certificate administrator issues a paper
 * certificate to a person with a reservnummer; and the month's statistics count both.
 */
describeInBrowser('certificates: request, verify, paper certificate, statistics (chromium)', () => {
  const e2e = useE2e();
  let citizen: User;
  let admin: User;
  let vaccinator: User;
  let reserve: { id: string; identityNumber: string; name: string };
  let before = { vaccination: 0, paper: 0 };
  let hc1 = '';
  const month = swedishDate(0).slice(0, 7);

  beforeAll(async () => {
    citizen = await e2e.newUser();
    admin = await e2e.newUser();
    vaccinator = await e2e.newUser();
  });

  const json = async <T>(request: APIRequestContext, method: 'get' | 'post', path: string, data?: unknown): Promise<T> => {
    const res = await request[method](`${e2e.url}${path}`, data === undefined ? {} : { data });
    expect(res.status(), `${method.toUpperCase()} ${path}: ${await res.text()}`).toBeLessThan(300);
    return (await res.json()) as T;
  };

  /** What the statistics say for this month, summed over the regions the administrator sees. */
  const thisMonth = async () => {
    const from = `${month}-01`;
    const stats = await json<{ rows: { month: string; issued: { vaccination: number }; paper: number }[] }>(admin.context.request, 'get', `/api/certificates/statistics?from=${from}&to=${swedishDate(0)}`);
    const rows = stats.rows.filter((r) => r.month === month);
    return { vaccination: rows.reduce((s, r) => s + r.issued.vaccination, 0), paper: rows.reduce((s, r) => s + r.paper, 0) };
  };

  /** A covid-19 dose recorded through the API as the vaccinator would at the site, the next in the person's series. */
  async function recordDose(personId: string) {
    const request = vaccinator.context.request;
    const { sites } = await json<{ sites: { id: string; vaccines: string[]; bookable: boolean }[] }>(request, 'get', '/api/vaccination/sites');
    const site = sites.find((s) => s.bookable && s.vaccines.includes('covid-19'))!;
    const record = await json<{ doses: { vaccine: string }[] }>(request, 'get', `/api/vaccination/persons/${personId}?purpose=${encodeURIComponent(PURPOSE)}`);
    const given = record.doses.filter((d) => d.vaccine === 'covid-19').length;
    await json(request, 'post', '/api/vaccination/doses', {
      personId,
      siteId: site.id,
      vaccine: 'covid-19',
      productCode: 'comirnaty-xbb15',
      batchNumber: BATCH,
      doseNumber: given + 1,
      outsideRecommendation: 'Dos för test av covidbevis',
    });
  }

  /** A person with a reservnummer, found by the administrator among the region's municipalities. */
  async function findReservnummerPerson(regionId: string) {
    const request = admin.context.request;
    for (const code of Object.keys(MUNICIPALITY_NAMES).filter((c) => c.startsWith(regionId))) {
      let cursor: string | null = null;
      do {
        const query: string = new URLSearchParams({ municipalityCode: code, purpose: PURPOSE, limit: '200', ...(cursor ? { cursor } : {}) }).toString();
        const page: { people: { id: string; idKind: string; identityNumber: string; givenName: string; familyName: string; birthDate: string | null }[]; nextCursor: string | null } = await json(request, 'get', `/api/persons?${query}`);
        const found = page.people.find((p) => p.idKind === 'reservnummer' && p.birthDate);
        if (found) return { id: found.id, identityNumber: found.identityNumber, name: `${found.givenName} ${found.familyName}` };
        cursor = page.nextCursor;
      } while (cursor);
    }
    throw new Error(`no person with a reservnummer in region ${regionId}`);
  }

  it('sets up: the citizen and a person with a reservnummer have covid-19 doses', async () => {
    await e2e.login(citizen, demoCitizen);
    await e2e.login(admin, demoStaff('Handläggare covidbevis', 'Nils Åkesson'));
    await e2e.login(vaccinator, demoStaff('Vaccinatör', 'Lena Sjöberg'));
    const session = await json<{ actor: { id: string; region: { id: string } } }>(admin.context.request, 'get', '/api/session');
    const me = await json<{ actor: { id: string } }>(citizen.context.request, 'get', '/api/session');
    reserve = await findReservnummerPerson(session.actor.region.id);
    await recordDose(me.actor.id);
    await recordDose(reserve.id);
    before = await thisMonth();
  });

  it('the citizen gets a vaccination certificate at once, with its QR code and PDF', async () => {
    const { page } = citizen;
    const main = await e2e.openFromMainMenu(citizen, 'Covidbevis', '/certificates');
    await visible(main.getByRole('heading', { level: 1, name: 'Mina intyg' }));
    const self = main.getByRole('region', { name: /\(du\)$/ });
    await self.getByRole('button', { name: 'Begär vaccinationsbevis' }).click();
    const issued = self.getByRole('status').filter({ hasText: 'Ditt vaccinationsbevis är utfärdat' });
    await visible(issued);
    const qr = issued.getByRole('img', { name: /^QR-kod för vaccinationsbevis till / });
    await visible(qr);
    await expect.poll(() => qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);

    const pdfHref = await issued.getByRole('link', { name: 'Ladda ner PDF' }).getAttribute('href');
    expect(pdfHref).toMatch(/^\/api\/certificates\/[0-9a-f-]{36}\/certificate\.pdf$/);
    const [download] = await Promise.all([page.waitForEvent('download'), issued.getByRole('link', { name: 'Ladda ner PDF' }).click()]);
    const pdf = await download.createReadStream().then(async (stream) => {
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');

    const png = await citizen.context.request.get(`${e2e.url}${pdfHref!.replace('certificate.pdf', 'qr.png')}`);
    expect(png.headers()['content-type']).toBe('image/png');
    writeFileSync(QR_FILE, await png.body());

    // The list below shows the certificate as valid, and on demand its QR code and HC1 text.
    const list = main.getByRole('table', { name: 'Utfärdade bevis' });
    const row = list.getByRole('row').filter({ hasText: 'Vaccinationsbevis' }).filter({ hasText: 'Giltigt' }).first();
    await visible(row);
    await row.getByRole('button', { name: 'Visa QR-kod' }).click();
    const text = list.getByLabel('Bevisets text (HC1)');
    await visible(text);
    await expect.poll(() => text.inputValue()).toMatch(/^HC1:/);
    hc1 = await text.inputValue();
    await page.screenshot({ path: CITIZEN_SCREENSHOT, fullPage: true });
    await expectNoProblems(citizen);
  });

  it('the public verification page accepts the QR code, without a login', async () => {
    const visitor = await e2e.newUser();
    const { page } = visitor;
    await page.goto(`${e2e.url}/login`);
    await page.getByRole('link', { name: 'Kontrollera ett covidbevis utan att logga in' }).click();
    await page.waitForURL(`${e2e.url}/verify`);
    const main = page.getByRole('main');
    await visible(main.getByRole('heading', { level: 1, name: 'Kontrollera ett covidbevis' }));
    await main.locator('input[type=file]').setInputFiles(QR_FILE);
    await main.getByRole('region', { name: 'Ladda upp en bild av QR-koden' }).getByRole('button', { name: 'Kontrollera' }).click();
    await visible(main.getByRole('status').filter({ hasText: 'Giltigt' }));
    const content = main.getByRole('table', { name: 'Innehåll' });
    await visible(content.getByRole('row', { name: /Typ av bevis Vaccinationsbevis/ }));
    await visible(content.getByRole('row', { name: /^Dos \d+\/\d+$/ }));

    // The HC1 text pasted is valid too.
    const pasted = main.getByRole('region', { name: 'Klistra in texten' });
    await main.getByLabel('Bevisets text (HC1:…)').fill(hc1);
    const [answer] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/api/certificates/verify')), pasted.getByRole('button', { name: 'Kontrollera' }).click()]);
    expect(await answer.json()).toMatchObject({ valid: true, kind: 'vaccination' });
    await visible(main.getByRole('status').filter({ hasText: 'Giltigt' }));
    await page.screenshot({ path: VERIFY_SCREENSHOT, fullPage: true });

    // A damaged text is not valid, with the reason in Swedish.
    await main.getByLabel('Bevisets text (HC1:…)').fill('HC1:NCFOXN%TS3DH');
    await pasted.getByRole('button', { name: 'Kontrollera' }).click();
    await visible(main.getByRole('status').filter({ hasText: 'Inte giltigt' }));
    await visible(main.getByText('Koden är skadad', { exact: false }));
    await expectNoProblems(visitor);
    await visitor.context.close();
  });

  it('the administrator (Nils Åkesson) issues a paper certificate to a person with a reservnummer', async () => {
    const { page } = admin;
    const main = await e2e.openFromMainMenu(admin, 'Covidbevis', '/certificates');
    await visible(main.getByRole('heading', { level: 1, name: 'Ärenden om covidbevis' }));
    await page.getByRole('navigation', { name: 'Covidbevisens sidor' }).getByRole('link', { name: 'Sök person' }).click();
    await visible(main.getByRole('heading', { level: 1, name: 'Bevis för en person' }));
    await main.getByLabel(/^Personnummer/).fill(reserve.identityNumber);
    await main.getByRole('button', { name: 'Sök' }).click();
    await visible(main.getByText('Personen saknar personnummer: utfärda ett papperscertifikat.'));
    const paper = main.getByRole('region', { name: 'Utfärda papperscertifikat' });
    await paper.getByRole('button', { name: 'Utfärda papperscertifikat' }).click();
    const issued = paper.getByRole('status').filter({ hasText: 'Papperscertifikatet är utfärdat.' });
    await visible(issued);
    await visible(issued.getByRole('img', { name: `QR-kod för vaccinationsbevis till ${reserve.name}` }));
    const href = await issued.getByRole('link', { name: 'Ladda ner PDF' }).getAttribute('href');
    const pdf = await admin.context.request.get(`${e2e.url}${href}`);
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await visible(main.getByRole('table', { name: 'Utfärdade bevis' }).getByRole('row').filter({ hasText: 'Papperscertifikat' }).first());
    await page.screenshot({ path: ADMIN_SCREENSHOT, fullPage: true });
    await expectNoProblems(admin);
  });

  it('the monthly statistics count both certificates', async () => {
    const { page } = admin;
    await page.getByRole('navigation', { name: 'Covidbevisens sidor' }).getByRole('link', { name: 'Statistik' }).click();
    const main = page.getByRole('main');
    await visible(main.getByRole('heading', { level: 1, name: 'Statistik över covidbevis' }));
    const table = main.getByRole('table', { name: 'Per region och månad' });
    const row = table.getByRole('row').filter({ hasText: month }).first();
    await visible(row);
    // The region is the row's header; its cells: month, requests, vaccination, test, recovery, paper, …
    const cells = await row.getByRole('cell').allInnerTexts();
    const after = await thisMonth();
    expect(after).toEqual({ vaccination: before.vaccination + 2, paper: before.paper + 1 });
    expect(Number(cells[2])).toBe(after.vaccination);
    expect(Number(cells[5])).toBe(after.paper);
    await visible(main.getByRole('button', { name: 'Ladda ner' }));
    await page.screenshot({ path: STATISTICS_SCREENSHOT, fullPage: true });
    await expectNoProblems(admin);
  });
});
