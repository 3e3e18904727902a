import type { Locator } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { describeInBrowser } from './browser.js';
import { demoCitizen, demoStaff, expectNoProblems, nextWeekday, useE2e, visible, type User } from './session.js';

const CITIZEN_SCREENSHOT = '/tmp/lagesbild-vaccination-citizen.png';
const VACCINATOR_SCREENSHOT = '/tmp/lagesbild-vaccination-vaccinator.png';
/** Last week's mRNA batch, which the demo delivered to every bookable site (src/vaccination/supply/demo.ts). */
const BATCH = 'HH2817';
const PRODUCT = 'Comirnaty Omicron XBB.1.5';

/**
 * Vaccination end to end: a citizen with e-ID books a time, moves it and cancels it, books again, and the
 * vaccinator finds the booking among the day's, moves it for the person and records the dose, which the
 * citizen then sees.
 */
describeInBrowser('vaccination: book, move, cancel, vaccinate (chromium)', () => {
  const e2e = useE2e();
  let citizen: User;
  let citizenName = '';
  const day = nextWeekday();

  beforeAll(async () => {
    citizen = await e2e.newUser();
  });

  const openVaccination = (user: User) => e2e.openFromMainMenu(user, 'Vaccination', '/vaccination');

  /** Picks the date and the n-th free time on the booking form; returns the time ('08:30'). */
  async function pickTime(main: Locator, n: number): Promise<string> {
    await main.getByLabel(/^Datum/).fill(day);
    const times = main.getByRole('radiogroup', { name: 'Lediga tider' });
    await visible(times);
    const radio = times.getByRole('radio').nth(n);
    const time = (await main.locator(`label[for="${await radio.getAttribute('id')}"]`).innerText()).trim().slice(0, 5);
    // By its time, not its place: a refetch may add or drop a time (seats freed or taken) between the two steps.
    await times.getByRole('radio', { name: new RegExp(`^${time} `) }).check();
    return time;
  }

  it('the citizen sees why they may be vaccinated, books a time, moves it and cancels it', async () => {
    const { page } = citizen;
    citizenName = await e2e.login(citizen, demoCitizen);
    const main = await openVaccination(citizen);
    await visible(main.getByRole('heading', { level: 1, name: 'Mina vaccinationer' }));
    const covid = main.getByRole('article', { name: 'Rekommendation för Covid-19' }).first();
    await visible(covid.getByText('Du kan vaccinera dig nu (dos 1)'));
    await visible(covid.getByText(/Dos på begäran 2023: alla från 18 år: gäller dig eftersom du är \d+ år\./));
    await visible(main.getByText('Inga bokade tider.'));

    await covid.getByRole('link', { name: 'Boka tid för Covid-19' }).click();
    await visible(main.getByRole('heading', { level: 1, name: 'Boka tid för vaccination' }));
    const first = await pickTime(main, 0);
    await main.getByRole('button', { name: 'Boka tiden' }).click();
    const booked = main.getByRole('status').filter({ hasText: 'Tiden är bokad' });
    await visible(booked);
    await visible(booked.getByText(new RegExp(`^Dos 1: ${day} ${first} på `)));
    await page.screenshot({ path: CITIZEN_SCREENSHOT, fullPage: true });

    await booked.getByRole('link', { name: 'Till Mina vaccinationer' }).click();
    await page.waitForURL(`${e2e.url}/vaccination`);
    const booking = main.getByRole('article', { name: `Covid-19, dos 1, ${day} ${first}` });
    await visible(booking);
    // One dose a season: no "dose 2" beside it; the recommendation shows the booked time instead of offering to book.
    expect(await booking.getByText(/^Dos 2 kan bokas från/).count()).toBe(0);
    await visible(covid.getByText('Tid bokad (dos 1)'));
    expect(await covid.getByRole('link', { name: 'Boka tid för Covid-19' }).count()).toBe(0);

    await booking.getByRole('link', { name: 'Flytta tiden' }).click();
    await visible(main.getByRole('heading', { level: 1, name: 'Flytta din tid' }));
    const second = await pickTime(main, 1);
    expect(second).not.toBe(first);
    await main.getByRole('button', { name: 'Flytta till den här tiden' }).click();
    const moved = main.getByRole('status').filter({ hasText: 'Tiden är flyttad' });
    await visible(moved);
    await moved.getByRole('link', { name: 'Till Mina vaccinationer' }).click();
    const movedBooking = main.getByRole('article', { name: `Covid-19, dos 1, ${day} ${second}` });
    await visible(movedBooking);
    expect(await main.getByRole('article', { name: `Covid-19, dos 1, ${day} ${first}` }).count()).toBe(0);

    await movedBooking.getByRole('button', { name: 'Avboka' }).click();
    await movedBooking.getByRole('button', { name: 'Ja, avboka' }).click();
    await visible(main.getByRole('status').filter({ hasText: 'Tiden är avbokad.' }));
    await visible(main.getByText('Inga bokade tider.'));
    await expectNoProblems(citizen);
  });

  it('the citizen books again, and the vaccinator (Lena Sjöberg) finds the booking, moves it and records the dose', async () => {
    expect(citizenName).not.toBe('');
    const main = citizen.page.getByRole('main');
    await main.getByRole('article', { name: 'Rekommendation för Covid-19' }).first().getByRole('link', { name: 'Boka tid för Covid-19' }).click();
    const siteName = await main.getByLabel('Vaccinationsplats').evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]!.text);
    const time = await pickTime(main, 2);
    await main.getByRole('button', { name: 'Boka tiden' }).click();
    await visible(main.getByRole('status').filter({ hasText: 'Tiden är bokad' }));

    const vaccinator = await e2e.newUser();
    try {
      const { page } = vaccinator;
      await e2e.login(vaccinator, demoStaff('Vaccinatör', 'Lena Sjöberg'));
      const staffMain = await openVaccination(vaccinator);
      await visible(staffMain.getByRole('heading', { level: 1, name: 'Dagens bokningar' }));
      await staffMain.getByLabel('Vaccinationsplats').selectOption({ label: siteName });
      await staffMain.getByLabel(/^Datum/).fill(day);
      const table = staffMain.getByRole('table', { name: `Bokningar på ${siteName} ${day}` });
      await visible(table);
      const row = table.getByRole('row', { name: new RegExp(`${time}.*${citizenName}.*Bokad`) });
      await visible(row);
      await row.getByRole('link', { name: `Registrera dos för ${citizenName}` }).click();
      await page.waitForURL(/\/vaccination\/person\?/);
      await visible(staffMain.getByRole('heading', { level: 1, name: 'Kontrollera och vaccinera' }));
      await visible(staffMain.getByText(/Dos på begäran 2023/).first());
      await visible(staffMain.getByText(`Bokad tid ${day} ${time} på ${siteName}.`));

      // The person asks for a later time: the vaccinator moves the booking on their behalf.
      const booking = staffMain.getByRole('article', { name: `Covid-19, dos 1, ${day} ${time}` });
      await booking.getByRole('button', { name: 'Flytta tiden' }).click();
      const moveForm = booking.getByRole('form', { name: `Ny tid för Covid-19, dos 1, ${day} ${time}` });
      const later = await pickTime(moveForm, 3);
      expect(later).not.toBe(time);
      await moveForm.getByRole('button', { name: 'Flytta till den här tiden' }).click();
      await visible(staffMain.getByRole('status').filter({ hasText: `Tiden är flyttad till ${day} ${later} på ${siteName}.` }));
      await visible(staffMain.getByText(`Bokad tid ${day} ${later} på ${siteName}.`));
      // A dose is recorded from a batch the site has in stock: the vial in hand says product and batch.
      await staffMain.getByLabel(/^Preparat/).selectOption({ label: PRODUCT });
      await staffMain.getByLabel(/^Batchnummer/).fill(BATCH);
      await page.screenshot({ path: VACCINATOR_SCREENSHOT, fullPage: true });
      await staffMain.getByRole('button', { name: 'Registrera dosen' }).click();
      const done = staffMain.getByRole('status').filter({ hasText: 'Dosen är registrerad' });
      await visible(done);
      await visible(done.getByText(`Dos 1 med ${PRODUCT} (batch ${BATCH}) är registrerad.`, { exact: true }));
      await expectNoProblems(vaccinator);
    } finally {
      await vaccinator.context.close();
    }

    await citizen.page.goto(`${e2e.url}/vaccination`);
    const doses = main.getByRole('table', { name: 'Givna doser' }).first();
    await visible(doses);
    await visible(doses.getByRole('row', { name: new RegExp(`Covid-19 1 .*${BATCH}.* ${siteName.replace(/[()]/g, '.')}`) }));
    await visible(main.getByText('Inga bokade tider.').first());
    await expectNoProblems(citizen);
  });
});
