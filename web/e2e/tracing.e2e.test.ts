import { beforeAll, expect, it } from 'vitest';
import { describeInBrowser } from './browser.js';
import { reportPositive } from './positives.js';
import { demoCitizen, demoStaff, DESKTOP, expectNoProblems, PHONE, swedishDate, useE2e, visible, type User } from './session.js';

const QUESTIONNAIRE_SCREENSHOT = '/tmp/lagesbild-tracing-questionnaire-phone.png';
const CASE_SCREENSHOT = '/tmp/lagesbild-tracing-case.png';
const HOUSEHOLD_MEMBER = 'Lisa Testberg';
const CLOSE_REFUSAL = /Ärendet kan inte avslutas innan klinisk anmälan till SmiNet är gjord/;

/**
 * Contact tracing end to end: the lab reports a positive result (through the API, with the lab's session),
 * the case opens in the tracer's queue, the citizen answers the questionnaire on a phone and names a
 * household member, who is informed at once; the tracer records the call and the advice, is refused
 * closing before the SmiNet notification, makes it, and closes the case.
 */
describeInBrowser('tracing: from a positive result to a closed case (chromium)', () => {
  const e2e = useE2e();
  let lab: User;
  let citizen: User;
  let tracer: User;
  let citizenName = '';

  beforeAll(async () => {
    lab = await e2e.newUser(DESKTOP);
    citizen = await e2e.newUser(PHONE);
    tracer = await e2e.newUser(DESKTOP);
  });

  it('a positive result reported by the lab opens a case in the tracer’s queue', async () => {
    citizenName = await e2e.login(citizen, demoCitizen);

    // The lab's part through the API, with the lab's session.
    await reportPositive(e2e, lab, citizen);

    await e2e.login(tracer, demoStaff('Smittspårare', 'Sara Holm'));
    const { page } = tracer;
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Smittspårning' }).click();
    const main = page.getByRole('main');
    await visible(main.getByRole('heading', { level: 1, name: 'Smittspårning – ärendekö' }));
    await main.getByLabel('Alla').check();
    // The outbox worker opens the case within seconds: refresh the queue until it is there.
    const caseLink = main.getByRole('table', { name: 'Ärenden i kön' }).getByRole('link', { name: citizenName });
    await expect
      .poll(
        async () => {
          if ((await caseLink.count()) > 0) return true;
          await main.getByRole('button', { name: 'Uppdatera' }).click();
          await page.waitForLoadState('networkidle');
          return (await caseLink.count()) > 0;
        },
        { timeout: 30_000, interval: 1_000 },
      )
      .toBe(true);
    await expectNoProblems(lab);
    await expectNoProblems(tracer);
  });

  it('the citizen answers the questionnaire on a phone and names a household member', async () => {
    const { page } = citizen;
    await page.goto(`${e2e.url}/tracing/questionnaire`);
    const main = page.getByRole('main');
    await visible(main.getByRole('heading', { level: 1, name: 'Frågor om smittspårning' }));
    await visible(main.getByRole('heading', { level: 2, name: 'Steg 1 av 6: Symtom' }));
    await main.getByLabel('Första dagen med symtom').fill(swedishDate(-1));
    await main.getByRole('button', { name: 'Nästa' }).click();

    await visible(main.getByRole('heading', { level: 2, name: 'Steg 2 av 6: Hushåll' }));
    await visible(main.getByText(/^Sparat /));
    await main.getByRole('button', { name: 'Lägg till person i hushållet' }).click();
    const member = main.getByRole('group').last();
    await member.getByLabel(/^Namn/).fill(HOUSEHOLD_MEMBER);
    await member.getByLabel('Telefonnummer').fill('070-123 45 67');
    await member.getByLabel('Telefonnummer').blur();
    await visible(main.getByText(/^Sparat /));
    await page.screenshot({ path: QUESTIONNAIRE_SCREENSHOT, fullPage: true });
    await main.getByRole('button', { name: 'Nästa' }).click();

    await visible(main.getByRole('heading', { level: 2, name: 'Steg 3 av 6: Nära kontakter' }));
    await main.getByRole('button', { name: 'Nästa' }).click();
    await visible(main.getByRole('heading', { level: 2, name: 'Steg 4 av 6: Platser' }));
    await main.getByRole('button', { name: 'Nästa' }).click();
    await visible(main.getByRole('heading', { level: 2, name: 'Steg 5 av 6: Resor' }));
    await main.getByLabel('Nej').check();
    await main.getByRole('button', { name: 'Nästa' }).click();
    await visible(main.getByRole('heading', { level: 2, name: 'Steg 6 av 6: Skicka in' }));
    await visible(main.getByText(HOUSEHOLD_MEMBER, { exact: false }));
    await main.getByRole('button', { name: 'Skicka in svaren' }).click();
    await visible(main.getByText('Tack för dina svar'));
    // The page fits the phone: nothing wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectNoProblems(citizen);
  });

  it('the tracer sees the household member informed, records call and advice, and closes after SmiNet', async () => {
    const { page } = tracer;
    const main = page.getByRole('main');
    await main.getByRole('table', { name: 'Ärenden i kön' }).getByRole('link', { name: citizenName }).click();
    await page.waitForURL(/\/tracing\/cases\/[0-9a-f-]{36}$/);
    await visible(main.getByRole('heading', { level: 1, name: `Ärende: ${citizenName}` }));
    await visible(main.getByRole('region', { name: 'Indexfall och prioritet' }).getByText(/^Varför prioritet \d:/));

    const contactRow = main.getByRole('table', { name: 'Indexets kontakter' }).getByRole('row', { name: new RegExp(HOUSEHOLD_MEMBER) });
    await visible(contactRow);
    await visible(contactRow.getByText('Hushåll'));
    await visible(contactRow.getByText('Informerad', { exact: true }));
    await visible(main.getByRole('region', { name: 'Indexets svar i formuläret' }).getByText(/^Inskickat/));

    // Closing before the SmiNet notification is refused, with the reason.
    const close = main.getByRole('region', { name: 'Avsluta ärendet' });
    await close.getByRole('button', { name: 'Avsluta ärendet' }).click();
    await visible(close.getByRole('alert').getByText(CLOSE_REFUSAL));

    const call = main.getByRole('region', { name: 'Samtal och bedömning' });
    await call.getByRole('radio', { name: 'Nådd' }).check();
    await call.getByLabel(/^Samtalets längd/).fill('10');
    await call.getByRole('button', { name: 'Registrera samtal' }).click();
    await visible(call.getByText('Indexet nåddes första gången', { exact: false }));

    const notes = main.getByRole('region', { name: 'Förhållningsregler och journal' });
    const advice = notes.getByRole('group', { name: /Förhållningsregler som getts/ }).getByRole('checkbox');
    const adviceCount = await advice.count();
    expect(adviceCount).toBeGreaterThan(0);
    for (let i = 0; i < adviceCount; i++) await advice.nth(i).check();
    await notes.getByRole('button', { name: 'Registrera förhållningsregler' }).click();
    await visible(notes.getByText('Förhållningsreglerna är genomgångna med indexet.'));
    await notes.getByLabel('Journalanteckning').fill('Ringt indexet. Mår bra, stannar hemma.');
    await notes.getByRole('button', { name: 'Spara anteckningen' }).click();
    await visible(notes.getByText('Ringt indexet. Mår bra, stannar hemma.'));

    const sminet = main.getByRole('region', { name: 'Klinisk anmälan till SmiNet' });
    await sminet.getByLabel('Smittmiljö').selectOption('household');
    await sminet.getByRole('button', { name: 'Skicka anmälan' }).click();
    await visible(sminet.getByText(/^(Väntar på att skickas|Skickad)$/));

    await close.getByRole('button', { name: 'Avsluta ärendet' }).click();
    await visible(close.getByText('Ärendet avslutades', { exact: false }));
    await visible(main.getByRole('region', { name: 'Indexfall och prioritet' }).getByText('Avslutat'));
    await page.screenshot({ path: CASE_SCREENSHOT, fullPage: true });
    // The one refusal we provoked on purpose: closing before SmiNet.
    await expectNoProblems(tracer, (p) => (p.kind === 'http' && p.status === 409 && !!p.url?.endsWith('/close')) || (p.kind === 'console' && /\b409\b/.test(p.text)));
  });

  it('Smittskydd reads a message sent through the public mailbox form, and opens the follow-up pages', async () => {
    const anyone = await e2e.newUser(DESKTOP);
    const smittskydd = await e2e.newUser(DESKTOP);
    try {
      // The public form, without logging in.
      const form = anyone.page;
      await form.goto(`${e2e.url}/tracing/signal`);
      const formMain = form.getByRole('main');
      await visible(formMain.getByRole('heading', { level: 1, name: 'Skicka ett meddelande till Smittskydd' }));
      await formMain.getByLabel(/^Ditt namn/).fill('Rektor Anna Lind');
      await formMain.getByLabel(/^Telefon eller e-post/).fill('anna.lind@ekskolan.example');
      await formMain.getByLabel('Organisation (valfri)').fill('Ekskolan');
      await formMain.getByLabel(/^Ämne/).fill('Många sjuka i klass 3B');
      await formMain.getByLabel(/^Meddelande/).fill('Sju elever i klass 3B är hemma med feber sedan i måndags.');
      await formMain.getByRole('button', { name: 'Skicka meddelandet' }).click();
      await visible(formMain.getByText('Tack, ditt meddelande är skickat'));
      await expectNoProblems(anyone);

      const { page } = smittskydd;
      await e2e.login(smittskydd, demoStaff('Smittskyddsläkare', /Per Nyström/));
      await page.goto(`${e2e.url}/tracing/signals`);
      const main = page.getByRole('main');
      const subNav = page.getByRole('navigation', { name: 'Smittspårningens sidor' });
      await visible(main.getByRole('heading', { level: 1, name: 'Funktionsbrevlåda' }));
      await visible(main.getByRole('article', { name: 'Många sjuka i klass 3B' }).getByText(/Ekskolan/));

      await subNav.getByRole('link', { name: 'Utbrott' }).click();
      await visible(main.getByRole('heading', { level: 1, name: 'Utbrott' }));
      await visible(main.getByRole('region', { name: 'Förslag att bekräfta' }));
      await subNav.getByRole('link', { name: 'Sekvensering' }).click();
      await visible(main.getByRole('heading', { level: 1, name: 'Sekvensering' }));
      await visible(main.getByRole('region', { name: 'Varianter per vecka' }));
      await subNav.getByRole('link', { name: 'Statistik' }).click();
      await visible(main.getByRole('heading', { level: 1, name: 'Statistik för smittspårningen' }));
      await visible(main.getByRole('table', { name: 'Smittspårning per vecka' }).or(main.getByText('Inga fall under perioden.')));
      await expectNoProblems(smittskydd);
    } finally {
      await anyone.context.close();
      await smittskydd.context.close();
    }
  });
});
