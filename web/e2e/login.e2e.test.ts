import type { Locator, Page } from 'playwright-core';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeInBrowser } from './browser.js';
import { demoCitizen, demoStaff, expectNoProblems, reportProblems, useE2e, visible, type User } from './session.js';

const REGION = 'Region Örebro län';
const START_SCREENSHOT = '/tmp/lagesbild-start.png';

describeInBrowser('login and start page (chromium)', () => {
  const e2e = useE2e();
  let user: User;
  let page: Page;

  beforeEach(async () => {
    // A fresh context per test: no cookies, no remembered language.
    user = await e2e.newUser({ width: 1280, height: 800 });
    page = user.page;
  });

  afterEach(async (test) => {
    if (user && test.task.result?.state === 'fail') reportProblems(user);
    await user?.context.close();
  });

  const openDemoLogin = (): Promise<Locator> => e2e.openDemoLogin(user);

  async function expectNoLoginProblems(): Promise<void> {
    await expectNoProblems(user);
    expect(user.problems.expected401s, 'exactly one 401 from /api/session before login').toBe(1);
  }

  it('a region administrator logs in and sees their start page', async () => {
    const panel = await openDemoLogin();
    await demoStaff('Regionadministratör', 'Henrik Dahl')(panel).click();
    await page.waitForURL(`${e2e.url}/`);

    const header = page.getByRole('banner');
    await visible(header.getByText(REGION, { exact: true }));
    await visible(header.getByText('Henrik Dahl', { exact: true }));
    await visible(header.getByText('Regionadministratör', { exact: true }));
    await visible(header.getByRole('button', { name: 'Logga ut' }));

    const main = page.getByRole('main');
    await visible(main.getByRole('heading', { level: 1, name: 'Hej Henrik Dahl!' }));
    await visible(main.getByText(`Du är inloggad som regionadministratör i ${REGION}.`, { exact: true }));
    await visible(main.getByRole('heading', { level: 2, name: 'Det här kan du göra' }));
    for (const [section, text] of [
      ['Loggkontroll', 'Granska vem som har läst vilka uppgifter och kontrollera loggkedjan.'],
      ['Personal', 'Lägg till personal, ändra roller och stäng av konton i regionen.'],
      ['Meddelanden', 'Se meddelanden som skickats via SMS, e-post och 1177.'],
      ['Uppföljning', 'Ta fram uppföljning och statistik för regionen.'],
      ['Smittspårning', 'Se statistik över smittspårningen per vecka (endast läsbehörighet).'],
      ['Covidbevis', 'Se statistik över covidbevis per månad (endast läsbehörighet).'],
      ['Sök person', 'Sök en person på personnummer, eller på namn och födelsedatum, med en anledning som sparas i loggen.'],
    ] as const) {
      await visible(main.getByRole('heading', { level: 3, name: section }).getByRole('link', { name: section }));
      await visible(main.getByText(text, { exact: true }));
    }
    expect(await main.getByRole('heading', { level: 3 }).count()).toBe(7);

    const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
    await visible(nav);
    expect(await nav.getByRole('link').allInnerTexts()).toEqual(['Start', 'Loggkontroll', 'Personal', 'Meddelanden', 'Uppföljning', 'Smittspårning', 'Covidbevis', 'Sök person']);
    expect(await nav.getByRole('link', { name: 'Start' }).getAttribute('aria-current')).toBe('page');

    expect(await page.title()).toBe('Start – Lägesbild');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('sv');

    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: START_SCREENSHOT, fullPage: true });
    await expectNoLoginProblems();
  });

  it('a citizen logs in and opens "Vem har läst min journal?"', async () => {
    const panel = await openDemoLogin();
    const citizen = demoCitizen(panel);
    await visible(citizen);
    const name = (await citizen.innerText()).split('\n')[0]!.trim();
    expect(name).toMatch(/^\S+.* \S+$/);
    await citizen.click();
    await page.waitForURL(`${e2e.url}/`);

    const header = page.getByRole('banner');
    await visible(header.getByText(REGION, { exact: true }));
    await visible(header.getByText(name, { exact: true }));
    await visible(header.getByText('Invånare', { exact: true }));
    const main = page.getByRole('main');
    await visible(main.getByRole('heading', { level: 1, name: `Hej ${name}!` }));
    await visible(main.getByText(`Här sköter du dina ärenden hos ${REGION}.`, { exact: true }));
    await visible(main.getByText('Se vem i vården som har läst uppgifter om dig, och varför.', { exact: true }));

    const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
    expect(await nav.getByRole('link').allInnerTexts()).toEqual([
      'Start',
      'Provtagning',
      'Vaccination',
      'Covidbevis',
      'Meddelanden',
      'Vem har läst min journal?',
    ]);
    await nav.getByRole('link', { name: 'Vem har läst min journal?' }).click();
    await page.waitForURL(`${e2e.url}/my-record`);

    await visible(main.getByRole('heading', { level: 1, name: 'Vem har läst min journal?' }));
    expect(await nav.getByRole('link', { name: 'Vem har läst min journal?' }).getAttribute('aria-current')).toBe('page');
    const table = main.getByRole('table', { name: 'Åtkomster till dina uppgifter' });
    const empty = main.getByText('Ingen har läst några uppgifter om dig.', { exact: true });
    await visible(table.or(empty));
    if (await table.isVisible()) {
      const headers = await table.getByRole('columnheader').allInnerTexts();
      expect(headers).toEqual(['Tidpunkt', 'Vem', 'Roll', 'Region', 'Vad', 'Varför']);
      expect(await table.getByRole('row').count()).toBeGreaterThan(1);
    }
    expect(await page.title()).toBe('Vem har läst min journal? – Lägesbild');
    await expectNoLoginProblems();
  });

  it('switches the language to English', async () => {
    const panel = await openDemoLogin();
    await demoStaff('Smittspårningskoordinator', 'Maria Berg')(panel).click();
    await page.waitForURL(`${e2e.url}/`);
    const main = page.getByRole('main');
    await visible(main.getByRole('heading', { level: 1, name: 'Hej Maria Berg!' }));
    await visible(page.getByRole('navigation', { name: 'Huvudmeny' }));

    await page.getByRole('banner').getByRole('button', { name: 'In English' }).click();

    const nav = page.getByRole('navigation', { name: 'Main menu' });
    await visible(nav);
    expect(await nav.getByRole('link').allInnerTexts()).toEqual(['Home', 'Contact tracing', 'Find a person']);
    await visible(main.getByRole('heading', { level: 1, name: 'Hello Maria Berg!' }));
    await visible(main.getByText(/^You are signed in as contact tracing coordinator at Smittskydd .+, Region Örebro län\.$/));
    await visible(main.getByRole('heading', { level: 2, name: 'What you can do' }));
    await visible(main.getByText('Assign cases and follow the contact tracing workload.', { exact: true }));
    const header = page.getByRole('banner');
    await visible(header.getByRole('button', { name: 'Log out' }));
    await visible(header.getByRole('button', { name: 'På svenska' }));
    await visible(header.getByText(/^Contact tracing coordinator, Smittskydd /));
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.title()).toBe('Home – Lägesbild');

    // The choice survives a reload.
    await page.reload();
    await visible(page.getByRole('navigation', { name: 'Main menu' }));
    await visible(main.getByRole('heading', { level: 1, name: 'Hello Maria Berg!' }));
    await expectNoLoginProblems();
  });
});
