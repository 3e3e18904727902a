import type { APIRequestContext, Download } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { describeInBrowser } from './browser.js';
import { demoCitizen, demoStaff, expectNoProblems, useE2e, visible, type User } from './session.js';

const PURPOSE = 'e2e: vaccination';
const BATCH = 'HH2817';

async function contents(download: Download): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * The register extract end to end: a sampler takes the demo citizen's sample, a vaccinator reads their
 * record and records a dose; the citizen then downloads everything held about them from "Vem har läst min
 * journal?" and both files list the test, the dose and the read.
 */
describeInBrowser('privacy: the citizen downloads their register extract (chromium)', () => {
  const e2e = useE2e();
  let citizen: User;
  let sampler: User;
  let vaccinator: User;

  beforeAll(async () => {
    citizen = await e2e.newUser();
    sampler = await e2e.newUser();
    vaccinator = await e2e.newUser();
  });

  const json = async <T,>(request: APIRequestContext, method: 'get' | 'post', path: string, data?: unknown): Promise<T> => {
    const res = await request[method](`${e2e.url}${path}`, data === undefined ? {} : { data });
    expect(res.status(), `${method.toUpperCase()} ${path}: ${await res.text()}`).toBeLessThan(300);
    return (await res.json()) as T;
  };

  it('sets up through the API: a sample taken by staff, a read of the record and a dose', async () => {
    await e2e.login(citizen, demoCitizen);
    await e2e.login(sampler, demoStaff('Provtagare', 'Karin Lindqvist'));
    await e2e.login(vaccinator, demoStaff('Vaccinatör', 'Lena Sjöberg'));
    const me = await json<{ actor: { id: string } }>(citizen.context.request, 'get', '/api/session');
    await json(sampler.context.request, 'post', '/api/testing/samples', { personId: me.actor.id, testType: 'antigen' });
    const request = vaccinator.context.request;
    const { sites } = await json<{ sites: { id: string; vaccines: string[]; bookable: boolean }[] }>(request, 'get', '/api/vaccination/sites');
    const site = sites.find((s) => s.bookable && s.vaccines.includes('covid-19'))!;
    const record = await json<{ doses: { vaccine: string }[] }>(request, 'get', `/api/vaccination/persons/${me.actor.id}?purpose=${encodeURIComponent(PURPOSE)}`);
    const given = record.doses.filter((d) => d.vaccine === 'covid-19').length;
    await json(request, 'post', '/api/vaccination/doses', { personId: me.actor.id, siteId: site.id, vaccine: 'covid-19', productCode: 'comirnaty-xbb15', batchNumber: BATCH, doseNumber: given + 1, outsideRecommendation: 'Dos för test av registerutdrag' });
  });

  it('one click on "Hämta mina uppgifter (registerutdrag)" downloads a PDF and a JSON file listing the test, the dose and the read', async () => {
    const { page } = citizen;
    const main = await e2e.openFromMainMenu(citizen, 'Vem har läst min journal?', '/my-record');
    const downloads: Download[] = [];
    page.on('download', (d) => downloads.push(d));
    await main.getByRole('button', { name: 'Hämta mina uppgifter (registerutdrag)' }).click();
    await visible(main.getByRole('status').filter({ hasText: 'Ditt registerutdrag har hämtats' }));
    await expect.poll(() => downloads.length).toBe(2);

    const pdf = downloads.find((d) => d.suggestedFilename().endsWith('.pdf'))!;
    expect(pdf.suggestedFilename()).toMatch(/^registerutdrag-\d{4}-\d\d-\d\d\.pdf$/);
    expect((await contents(pdf)).subarray(0, 5).toString()).toBe('%PDF-');

    const file = downloads.find((d) => d.suggestedFilename().endsWith('.json'))!;
    const extract = JSON.parse((await contents(file)).toString('utf8'));
    expect(extract).toMatchObject({ kind: 'lagesbild.register-extract', language: 'sv' });
    expect(extract.data.tests).toContainEqual(expect.objectContaining({ testType: 'antigen', collection: 'staff' }));
    expect(extract.data.doses).toContainEqual(expect.objectContaining({ vaccine: 'covid-19', batchNumber: BATCH }));
    expect(extract.data.reads).toContainEqual(expect.objectContaining({ actorName: expect.stringMatching(/^Lena Sjöberg/), purpose: PURPOSE }));
    await expectNoProblems(citizen);
  });
});
