import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { describeInBrowser } from './browser.js';
import { reportPositive } from './positives.js';
import { demoCitizen, demoStaff, DESKTOP, expectNoProblems, PHONE, useE2e, visible, type User } from './session.js';

/** Yesterday in Sweden, as YYYY-MM-DD: the contact's last exposure, so today is day 1 of follow-up. */
function swedishYesterday(): string {
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/**
 * Contact follow-up with daily self-reporting (issue 20, section 2): an index names a close contact with a phone
 * number and yesterday's exposure; the daily job texts the contact a check-in link; the contact, not logged in,
 * answers on their phone with symptoms and is told to test; the tracer's line list shows them first, flagged.
 */
describeInBrowser('tracing: a contact answers the daily check-in and the tracer sees them flagged (chromium)', () => {
  const e2e = useE2e();
  let lab: User;
  let index: User;
  let admin: User;
  let contact: User;
  let tracer: User;

  beforeAll(async () => {
    lab = await e2e.newUser(DESKTOP);
    index = await e2e.newUser(DESKTOP);
    admin = await e2e.newUser(DESKTOP);
    contact = await e2e.newUser(PHONE);
    tracer = await e2e.newUser(DESKTOP);
  });

  it('a contact under follow-up reports symptoms through the SMS link and appears in the tracer’s line list flagged', async () => {
    await e2e.login(index, demoCitizen);
    await reportPositive(e2e, lab, index);
    // The outbox worker opens the case within seconds; then the index names a close contact.
    const name = `Kim Kontakt ${randomUUID().slice(0, 4)}`;
    const phone = `070-${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
    const answers = { closeContacts: [{ id: randomUUID(), name, phone, lastContact: swedishYesterday() }] };
    await expect
      .poll(async () => (await index.page.request.put(`${e2e.url}/api/tracing/my-questionnaire`, { data: { answers, submit: true } })).status(), { timeout: 30_000, interval: 1_000 })
      .toBe(200);

    // The daily job (housekeeping) texts the contact; the region's delivered-messages log shows the SMS.
    await e2e.login(admin, demoStaff('Regionadministratör', 'Henrik Dahl'));
    let token = '';
    await expect
      .poll(
        async () => {
          const { messages } = (await (await admin.page.request.get(`${e2e.url}/api/messages?channel=sms&limit=200`)).json()) as { messages: { recipient: string; body: string }[] };
          token = /check-in#([A-Za-z0-9_-]{32})/.exec(messages.find((m) => m.recipient === phone)?.body ?? '')?.[1] ?? '';
          return token !== '';
        },
        { timeout: 45_000, interval: 1_000 },
      )
      .toBe(true);

    // The contact opens the link on their phone, without logging in, and answers with symptoms.
    const { page } = contact;
    await page.goto(`${e2e.url}/check-in#${token}`);
    const main = page.getByRole('main');
    await visible(main.getByRole('heading', { level: 1, name: 'Daglig uppföljning' }));
    await visible(main.getByText(/^Dag 1 av 7/));
    await main.getByRole('radiogroup', { name: 'Har du några symtom i dag?' }).getByRole('radio', { name: 'Ja' }).check();
    await main.getByRole('checkbox', { name: 'Feber' }).check();
    await main.getByRole('checkbox', { name: 'Hosta' }).check();
    await main.getByRole('radiogroup', { name: 'Har du testat dig för covid-19?' }).getByRole('radio', { name: 'Nej' }).check();
    await main.getByRole('button', { name: 'Skicka svar' }).click();
    await visible(main.getByText('Tack för ditt svar'));
    await visible(main.getByText('Du har symtom: testa dig'));
    await expectNoProblems(contact);

    // The tracer's line list: the contact first among the flagged, on day 1, with the symptoms reported.
    await e2e.login(tracer, demoStaff('Smittspårare', 'Sara Holm'));
    await e2e.openFromMainMenu(tracer, 'Smittspårning', '/tracing');
    await tracer.page.getByRole('navigation', { name: 'Smittspårningens sidor' }).getByRole('link', { name: 'Uppföljning av kontakter' }).click();
    await tracer.page.waitForURL(`${e2e.url}/tracing/follow-up`);
    const list = tracer.page.getByRole('main').getByRole('table', { name: /^Kontakter under uppföljning/ });
    const row = list.getByRole('row', { name: new RegExp(name) });
    await visible(row);
    await visible(row.getByText('Symtom', { exact: true }));
    await visible(row.getByText('Dag 1 av 7'));
    await visible(row.getByText('Feber, Hosta'));
    await visible(row.getByText('Råd: testa dig. Beställ testkit.'));
    await expectNoProblems(tracer);
  });
});
