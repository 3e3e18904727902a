import type { Locator } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInBrowser, type Problem } from './browser.js';
import { demoStaff, expectNoProblems, swedishDate, useE2e, visible, type User } from './session.js';

const COORDINATOR_SCREENSHOT = '/tmp/lagesbild-vaccination-deliveries.png';
const VACCINATOR_SCREENSHOT = '/tmp/lagesbild-vaccination-vials.png';
/** The demo's mass-vaccination site, named after the town where most demo people live (which the seed decides). */
const ARENA_NAME = /^Vaccinationscentrum .+ arena$/;
const BATCH = 'E2E4711';

/**
 * Vaccine supply end to end: the coordinator sees the arena's booked times without doses, records a received
 * batch (first with an expiry the server refuses) and allocates vials of it to the arena and the bus, which
 * covers the arena's bookings; a vaccinator at the arena opens a vial and closes it with the doses drawn.
 */
describeInBrowser('vaccination supply: deliveries, allocation, vials (chromium)', () => {
  const e2e = useE2e();
  /** The arena's name as the stock table shows it; the first test reads it. */
  let arena = '';

  /** A new browser context logged in as the demo staff member `name` under `role`, on the vaccination start page. */
  async function loginAs(role: string, name: string): Promise<User & { main: Locator }> {
    const user = await e2e.newUser();
    await e2e.login(user, demoStaff(role, name));
    return { ...user, main: await e2e.openFromMainMenu(user, 'Vaccination', '/vaccination') };
  }

  async function openPage({ page, main }: User & { main: Locator }, link: string): Promise<void> {
    await page.getByRole('navigation', { name: 'Vaccinationens sidor' }).getByRole('link', { name: link, exact: true }).click();
    await visible(main.getByRole('heading', { level: 1, name: link }));
  }

  it('the coordinator sees the arena short of doses, records a delivery and allocates it, which covers the arena', async () => {
    const coordinator = await loginAs('Vaccinsamordnare', 'Eva Wallin');
    try {
      const { page, main } = coordinator;
      await openPage(coordinator, 'Lager och leveranser');
      const arenaCell = main.getByRole('table', { name: 'Lager per mottagning' }).getByRole('cell', { name: ARENA_NAME });
      await visible(arenaCell);
      arena = (await arenaCell.innerText()).trim();
      const shortage = main.getByRole('alert').filter({ hasText: `${arena}, ` }).first();
      await visible(shortage);
      await visible(shortage.getByText(/^Fördela \d+ flaskor av batch /).first());

      await openPage(coordinator, 'Leveranser');
      const delivery = main.getByRole('form', { name: 'Registrera mottagen leverans' });
      await delivery.getByLabel(/^Produkt/).selectOption({ label: 'Comirnaty Omicron XBB.1.5' });
      await delivery.getByLabel(/^Batchnummer/).fill(BATCH);
      const expires = delivery.getByLabel(/^Sista användningsdag/);
      await expires.fill(swedishDate(-1));
      await delivery.getByLabel(/^Antal flaskor/).fill('10');
      await delivery.getByRole('button', { name: 'Registrera leveransen' }).click();
      await visible(delivery.getByText('the batch had expired when it was received').first());
      expect(await expires.getAttribute('aria-invalid')).toBe('true');

      await expires.fill(swedishDate(30));
      await delivery.getByRole('button', { name: 'Registrera leveransen' }).click();
      await visible(delivery.getByRole('status').filter({ hasText: `Batch ${BATCH} är registrerad: 10 flaskor (60 doser).` }));

      const allocation = main.getByRole('form', { name: 'Fördela flaskor till mottagningar' });
      await allocation.getByLabel(/^Leverans/).selectOption({ label: `${BATCH} (Comirnaty Omicron XBB.1.5), 10 flaskor kvar` });
      await allocation.getByLabel(/^Mottagning 1/).selectOption({ label: arena });
      await allocation.getByLabel(/^Flaskor till mottagning 1/).fill('4');
      await allocation.getByRole('button', { name: 'Lägg till mottagning' }).click();
      await allocation.getByLabel(/^Mottagning 2/).selectOption({ label: 'Vaccinationsbussen' });
      await allocation.getByLabel(/^Flaskor till mottagning 2/).fill('2');
      await allocation.getByRole('button', { name: 'Fördela flaskorna' }).click();
      await visible(allocation.getByRole('status').filter({ hasText: `6 flaskor av batch ${BATCH} är fördelade, 4 kvar att fördela.` }));

      const row = main.getByRole('table', { name: 'Mottagna leveranser' }).getByRole('row', { name: new RegExp(BATCH) });
      await visible(row.getByText(`${arena}: 4 flaskor`));
      await visible(row.getByText('Vaccinationsbussen: 2 flaskor'));
      await visible(row.getByRole('cell', { name: '4', exact: true }));
      await page.screenshot({ path: COORDINATOR_SCREENSHOT, fullPage: true });

      await openPage(coordinator, 'Lager och leveranser');
      await visible(main.getByText('Alla bokade tider täcks av förväntade doser.'));
      // The one refused request: the expired batch (chromium also logs it on the console).
      const refused = (p: Problem) => !!p.url?.endsWith('/api/vaccination/supply/deliveries') && (p.kind === 'http' ? p.status === 400 : /\b400\b/.test(p.text));
      await expectNoProblems(coordinator, refused);
      expect(coordinator.problems.problems.filter((p) => p.kind === 'http')).toHaveLength(1);
    } finally {
      await coordinator.context.close();
    }
  });

  it('a vaccinator at the arena opens a vial of the new batch, sees the stock go down, and closes it with the doses drawn', async () => {
    expect(arena).not.toBe('');
    const vaccinator = await loginAs('Vaccinatör', 'Lena Sjöberg');
    try {
      const { page, main } = vaccinator;
      await openPage(vaccinator, 'Flaskor och kassation');
      await main.getByLabel('Mottagning', { exact: true }).selectOption({ label: arena });
      const batch = main.getByRole('table', { name: 'Oöppnade flaskor per batch' }).getByRole('row', { name: new RegExp(BATCH) });
      await visible(batch.getByRole('cell', { name: '4', exact: true }));

      await batch.getByRole('button', { name: `Öppna en flaska av batch ${BATCH}` }).click();
      await visible(main.getByRole('status').filter({ hasText: `En flaska av batch ${BATCH} är öppnad (6 doser planerade).` }));
      await visible(batch.getByRole('cell', { name: '3', exact: true }));

      const vial = main.getByRole('form', { name: new RegExp(`^Flaska av batch ${BATCH}, öppnad `) });
      expect(await vial.getByLabel('Uttagna doser').inputValue()).toBe('6');
      await vial.getByLabel('Uttagna doser').fill('7');
      await vial.getByLabel('Kasserade doser').fill('1');
      await page.screenshot({ path: VACCINATOR_SCREENSHOT, fullPage: true });
      await vial.getByRole('button', { name: 'Stäng flaskan' }).click();
      await visible(main.getByRole('status').filter({ hasText: `Flaskan av batch ${BATCH} är stängd: 6 doser givna, 0 av 6 planerade doser gick förlorade, 0 extra.` }));
      await vial.waitFor({ state: 'detached' });
      await visible(batch.getByRole('cell', { name: '3', exact: true }));

      const report = main.getByRole('table', { name: /^Kassation .* per mottagning och produkt$/ });
      await visible(report.getByRole('row', { name: new RegExp(`^${arena} Comirnaty Omicron XBB\\.1\\.5 1 6 6 0 0 0 0`) }));
      await expectNoProblems(vaccinator);
    } finally {
      await vaccinator.context.close();
    }
  });
});
