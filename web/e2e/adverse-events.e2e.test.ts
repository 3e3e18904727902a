import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { describeInBrowser, type Problem } from './browser.js';
import { demoCitizen, demoStaff, expectNoProblems, useE2e, visible, type User } from './session.js';

/** Last week's mRNA batch, which the demo delivered to the bus among others (src/vaccination/supply/demo.ts). */
const BATCH = 'HH2817';
const PRODUCT = 'Comirnaty Omicron XBB.1.5';
const SITE = 'Vaccinationsbussen';

/** A minute from now in the page's time zone, as a datetime-local input takes it. */
const aMinuteFromNow = (page: Page) => page.evaluate(() => {
  const d = new Date(Date.now() + 60_000);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
});

/**
 * Suspected adverse events end to end: the vaccinator records a dose, reports an adverse event after it and sees
 * Läkemedelsverket's receipt once the outbox worker has delivered the report; the citizen reports one from their
 * vaccinations (a serious one needs its criteria); the vaccine coordinator sees them counted per product and batch.
 */
describeInBrowser('vaccination: suspected adverse events (chromium)', () => {
  const e2e = useE2e();
  let citizen: User;
  let citizenName = '';

  beforeAll(async () => {
    citizen = await e2e.newUser();
    citizenName = await e2e.login(citizen, demoCitizen);
  });

  it('the vaccinator records a dose, reports an adverse event and sees its receipt', async () => {
    const vaccinator = await e2e.newUser();
    try {
      const { page } = vaccinator;
      await e2e.login(vaccinator, demoStaff('Vaccinatör', 'Lena Sjöberg'));
      await page.goto(`${e2e.url}/vaccination/person`);
      const main = page.getByRole('main');
      await main.getByLabel(/^Personnummer eller namn/).fill(citizenName);
      await main.getByRole('button', { name: 'Sök' }).click();
      // One match opens the person at once; several are listed to choose from (the demo data is the same every run).
      const choose = main.getByRole('button', { name: `Välj ${citizenName}` }).first();
      const chosen = main.getByRole('heading', { level: 2, name: new RegExp(`^${citizenName}, `) });
      await visible(choose.or(chosen).first());
      if (await choose.isVisible()) await choose.click();
      await visible(chosen);

      await main.getByLabel(/^Vaccinationsplats/).first().selectOption({ label: SITE });
      await main.getByLabel(/^Preparat/).selectOption({ label: PRODUCT });
      await main.getByLabel(/^Batchnummer/).fill(BATCH);
      await main.getByRole('button', { name: 'Registrera dosen' }).click();
      await visible(main.getByRole('status').filter({ hasText: 'Dosen är registrerad' }));

      const section = main.getByRole('region', { name: 'Misstänkta biverkningar' });
      const form = section.getByRole('form', { name: 'Rapportera misstänkt biverkning till Läkemedelsverket' });
      // The form offers the dose just recorded (the latest) once the record is read again.
      await visible(form.getByRole('combobox', { name: 'Dos' }));
      expect(await form.getByRole('combobox', { name: 'Dos' }).evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]!.text)).toContain(`batch ${BATCH}`);
      await form.getByRole('checkbox', { name: 'Feber' }).check();
      await form.getByRole('checkbox', { name: 'Huvudvärk' }).check();
      await form.getByLabel(/^Symtomen började/).fill(await aMinuteFromNow(page));
      await form.getByRole('button', { name: 'Skicka rapporten' }).click();
      await visible(form.getByRole('status').filter({ hasText: 'Rapporten är registrerad' }));

      const report = section.getByRole('article', { name: 'Biverkning efter Covid-19, dos 1' });
      await visible(report.getByText('Feber, Huvudvärk'));
      // The outbox worker delivers within seconds; the page looks again until the receipt is there.
      await visible(report.getByText(/^Mottagen av Läkemedelsverket \d{4}-\d{2}-\d{2} \d{2}:\d{2}, kvitto LV-[0-9A-F]{8}$/));
      await expectNoProblems(vaccinator);
    } finally {
      await vaccinator.context.close();
    }
  });

  it('the citizen reports a serious adverse event from their vaccinations, naming why it is serious', async () => {
    const { page } = citizen;
    await page.goto(`${e2e.url}/vaccination`);
    const main = page.getByRole('main');
    await main.getByRole('link', { name: 'Rapportera misstänkt biverkning' }).first().click();
    await visible(main.getByRole('heading', { level: 1, name: 'Rapportera misstänkt biverkning' }));
    await visible(main.getByRole('article', { name: 'Biverkning efter Covid-19, dos 1' }));

    const form = main.getByRole('form', { name: 'Rapportera misstänkt biverkning till Läkemedelsverket' });
    await form.getByRole('checkbox', { name: 'Andnöd' }).check();
    await form.getByLabel(/^Symtomen började/).fill(await aMinuteFromNow(page));
    await form.getByRole('switch', { name: 'Allvarlig biverkning' }).check();
    await form.getByRole('button', { name: 'Skicka rapporten' }).click();
    await visible(form.getByRole('alert').getByText(/seriousCriteria/).first());

    await form.getByRole('checkbox', { name: 'Sjukhusvård eller förlängd sjukhusvård' }).check();
    await form.getByRole('button', { name: 'Skicka rapporten' }).click();
    await visible(form.getByRole('status').filter({ hasText: 'Rapporten är registrerad' }));
    const serious = main.getByRole('article', { name: 'Biverkning efter Covid-19, dos 1' }).filter({ hasText: 'Andnöd' });
    await visible(serious.getByText('Allvarlig', { exact: true }));
    await visible(serious.getByText(/^Mottagen av Läkemedelsverket .*, kvitto LV-[0-9A-F]{8}$/));
    // The one refusal asked for: the serious report without its criteria.
    const refused = (p: Problem) => !!p.url?.endsWith('/api/vaccination/my/adverse-events') && (p.kind === 'http' ? p.status === 400 : /\b400\b/.test(p.text));
    await expectNoProblems(citizen, refused);
    expect(citizen.problems.problems.filter((p) => p.kind === 'http')).toHaveLength(1);
  });

  it('the vaccine coordinator sees the reports counted per product and batch', async () => {
    const coordinator = await e2e.newUser();
    try {
      const { page } = coordinator;
      await e2e.login(coordinator, demoStaff('Vaccinsamordnare', 'Eva Wallin'));
      await page.goto(`${e2e.url}/vaccination`);
      await page.getByRole('link', { name: 'Biverkningar' }).first().click();
      const main = page.getByRole('main');
      await visible(main.getByRole('heading', { level: 1, name: 'Misstänkta biverkningar per preparat och batch' }));
      const table = main.getByRole('table', { name: 'Misstänkta biverkningar per preparat och batch' });
      // Product, batch, reports, of which serious, received, doses of the batch.
      const row = table.getByRole('row', { name: new RegExp(`^${PRODUCT.replace(/\./g, '\\.')} ${BATCH} 2 1 2 \\d+$`) });
      await visible(row);
      expect(await table.getByText(citizenName).count()).toBe(0);
      await expectNoProblems(coordinator);
    } finally {
      await coordinator.context.close();
    }
  });
});
