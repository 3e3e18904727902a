import type { Locator, Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { describeInBrowser } from './browser.js';
import { demoStaff, DESKTOP, expectNoProblems, swedishDate, useE2e, visible, type User } from './session.js';

const ROUND = 'E2E-uppföljning december';
const MOTIVATION = 'Leveranserna halverades vecka 49';
const REOPEN_REASON = 'Antalet doser verkar lågt; kontrollera mot NVR.';

/** Reloads until the locator shows: the outbox worker carries submissions to the nation a moment after the click. */
async function afterReloads(page: Page, locator: Locator, tries = 10): Promise<void> {
  for (let i = 0; ; i++) {
    try {
      await locator.waitFor({ state: 'visible', timeout: 1500 });
      return;
    } catch (e) {
      if (i >= tries) throw e;
      await page.reload();
    }
  }
}

/**
 * A follow-up round end to end, across two regions' instances on one database: the national analyst opens a
 * round on the seeded SKR vaccination template; Region Örebro län's analyst registers an initiative and answers
 * green; after a reminder, Region Uppsala's analyst (at its own instance) answers yellow with a motivation; the
 * national analyst reopens Uppsala's return, Uppsala corrects it, and the published report's traffic-light
 * summary, tables and initiative counts match the answers.
 */
describeInBrowser('reporting: a round from template to published report (chromium)', () => {
  const e2e = useE2e();
  let national: User;
  let orebro: User;
  let uppsala: User;
  let uppsalaUrl = '';
  let roundPath = '';

  beforeAll(async () => {
    uppsalaUrl = await e2e.alsoServe('03');
    national = await e2e.newUser(DESKTOP);
    orebro = await e2e.newUser(DESKTOP);
    uppsala = await e2e.newUser(DESKTOP);
  }, 120_000);

  async function answer(page: Page, light: 'Grön' | 'Gul', doses: string) {
    const main = page.getByRole('main');
    await main.getByRole('radio', { name: light }).check();
    if (light !== 'Grön') await main.getByLabel(/^Motivering: Övergripande bedömning/).fill(MOTIVATION);
    await main.getByLabel(/^Beskriv kort arbetet/).fill(`Vaccination på vårdcentraler och drop-in (${light.toLowerCase()}).`);
    await main.getByRole('radio', { name: 'Ja' }).check();
    await main.getByLabel(/^Givna doser under perioden/).fill(doses);
    await main.getByRole('button', { name: 'Spara utkast' }).click();
    await visible(main.getByText('Utkastet är sparat.'));
    await visible(main.getByText('Alla obligatoriska frågor är besvarade.'));
    await main.getByRole('button', { name: 'Lämna in' }).click();
    await visible(main.getByText(/^Inlämnat .* Svaren är låsta\./));
  }

  it('the national analyst opens a round on the seeded template for two regions', async () => {
    await e2e.login(national, demoStaff('Nationell analytiker', 'Ingrid Lund'));
    const main = await e2e.openFromMainMenu(national, 'Uppföljning', '/reporting');
    await visible(main.getByRole('heading', { level: 1, name: 'Uppföljning och rapportering' }));
    const form = main.getByRole('form', { name: 'Öppna en ny runda' });
    await form.getByLabel('Överenskommelse', { exact: true }).selectOption({ label: 'Vaccination mot covid-19' });
    await form.getByLabel(/^Mall och version/).selectOption({ label: 'SKR uppföljning vaccination mot covid-19, version 1' });
    await form.getByLabel(/^Rundans namn/).fill(ROUND);
    await form.getByLabel(/^Sista dag/).fill(swedishDate(2));
    await form.getByLabel('Region Örebro län', { exact: true }).check();
    await form.getByLabel('Region Uppsala', { exact: true }).check();
    await form.getByRole('button', { name: 'Öppna rundan' }).click();
    await visible(form.getByText('Rundan är öppnad.'));
    await main.getByRole('link', { name: ROUND }).click();
    await visible(main.getByRole('heading', { level: 1, name: ROUND }));
    roundPath = new URL(national.page.url()).pathname;
    await expectNoProblems(national);
  });

  it('Region Örebro län registers an initiative and answers green', async () => {
    const { page } = orebro;
    await e2e.login(orebro, demoStaff('Analytiker', 'Sofia Engström'));
    await page.goto(`${e2e.url}/reporting/initiatives`);
    const main = page.getByRole('main');
    await main.getByLabel('Överenskommelse', { exact: true }).selectOption({ label: 'Vaccination mot covid-19' });
    const form = main.getByRole('form', { name: 'Lägg till insats' });
    await form.getByLabel(/^Insats( \*)?$/).fill('Hembesök för äldre med hemtjänst');
    await form.getByLabel(/^Utvecklingsområde/).fill('Vaccination');
    await form.getByLabel(/^Insatsområde/).fill('Äldre i ordinärt boende');
    await form.getByLabel(/^Målgrupp/).fill('80 år och äldre');
    await form.getByLabel('Status').selectOption({ label: 'Pågående' });
    await form.getByRole('button', { name: 'Spara insatsen' }).click();
    await visible(main.getByRole('rowheader', { name: 'Hembesök för äldre med hemtjänst' }));

    await page.goto(`${e2e.url}${roundPath}`);
    await main.getByRole('link', { name: 'Svara: Region Örebro län' }).click();
    await visible(main.getByRole('heading', { level: 1, name: `${ROUND}: Region Örebro län` }));
    await answer(page, 'Grön', '1200');
    await expectNoProblems(orebro);
  });

  it('after a reminder, Region Uppsala answers yellow with a motivation at its own instance', async () => {
    await national.page.reload();
    const main = national.page.getByRole('main');
    await main.getByRole('button', { name: 'Skicka påminnelser' }).click();
    await visible(main.getByText('Påminnelser skickade: 1.'));

    const { page } = uppsala;
    await page.goto(`${uppsalaUrl}/`);
    await page.waitForURL(`${uppsalaUrl}/login`);
    await demoStaff('Analytiker', 'Sofia Engström')(page.getByRole('region', { name: /^Demoinloggning/ })).click();
    await page.waitForURL(`${uppsalaUrl}/`);
    await visible(page.getByRole('main').getByRole('heading', { level: 1, name: /^Hej / }));
    await page.waitForLoadState('networkidle');
    uppsala.problems.markLoggedIn();
    await page.goto(`${uppsalaUrl}${roundPath}/returns/region-03`);
    const form = page.getByRole('main');
    await visible(form.getByText(/Påminnelse: Sista dag .* Saknas: Övergripande bedömning/));
    await answer(page, 'Gul', '800');
    await expectNoProblems(uppsala);
  });

  it('the national analyst reopens Uppsala’s return; Uppsala sees why, corrects and submits again', async () => {
    const main = national.page.getByRole('main');
    await national.page.reload();
    await main.getByRole('button', { name: 'Återöppna: Region Uppsala' }).click();
    await main.getByLabel(/^Skäl till återöppning/).fill(REOPEN_REASON);
    await main.getByRole('button', { name: 'Återöppna svaret' }).click();
    await visible(main.getByRole('row', { name: /Region Uppsala Återöppnad/ }));

    const { page } = uppsala;
    await page.reload();
    const form = page.getByRole('main');
    await visible(form.getByText(`Återöppnat av nationell analytiker: ${REOPEN_REASON}`));
    await form.getByLabel(/^Givna doser under perioden/).fill('8000');
    await form.getByRole('button', { name: 'Spara utkast' }).click();
    await visible(form.getByText('Utkastet är sparat.'));
    await form.getByRole('button', { name: 'Lämna in' }).click();
    await visible(form.getByText(/^Inlämnat .* Svaren är låsta\./));
    await afterReloads(page, form.getByText(/Mottaget av den nationella instansen/));
  });

  it('the national analyst publishes; the report matches the answers and every region can read it', async () => {
    const { page } = national;
    const main = page.getByRole('main');
    await page.reload();
    await main.getByRole('button', { name: 'Publicera rapporten' }).click();
    await visible(main.getByText(/^Publicerad /));
    await main.getByRole('link', { name: 'Sammanställning' }).click();
    await visible(main.getByRole('heading', { level: 1, name: `Sammanställning: ${ROUND}` }));
    await afterReloads(page, main.getByRole('table', { name: 'Nyckeltal per organisation' }).getByRole('row', { name: /Region Uppsala 8\s000/ }));
    await expect(main.getByTestId('light-sentence').innerText()).resolves.toBe('1 region grön, 1 gul, inga röd');
    await visible(main.getByText(`Region Uppsala (Gul): ${MOTIVATION}`));
    const numbers = main.getByRole('table', { name: 'Nyckeltal per organisation' });
    await visible(numbers.getByRole('row', { name: /Region Örebro län 1\s200/ }));
    await visible(numbers.getByRole('row', { name: /Totalt 9\s200/ }));
    const initiatives = main.getByRole('table', { name: 'Insatser per utvecklingsområde och status' });
    await expect(initiatives.getByRole('row', { name: /^Vaccination/ }).innerText()).resolves.toMatch(/Vaccination\s+0\s+0\s+1\s+0\s+1/);
    await expectNoProblems(national);

    await uppsala.page.goto(`${uppsalaUrl}${roundPath}/report`);
    const seen = uppsala.page.getByRole('main');
    await visible(seen.getByRole('article', { name: 'Region Örebro län' }));
    await visible(seen.getByRole('article', { name: 'Region Uppsala' }));
  });
});
