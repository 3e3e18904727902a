import { beforeAll, expect, it } from 'vitest';
import { describeInBrowser } from './browser.js';
import { demoStaff, DESKTOP, expectNoProblems, PHONE, swedishDate, useE2e, visible, type User } from './session.js';

const TITLE = 'Medborgarförslag om fler vaccinationsbussar i Hällefors';
const PROPOSER_EMAIL = 'forslagsstallaren.e2e@example.se';
const DECISION = 'att anse medborgarförslaget besvarat.';

/**
 * The committee's case from registration to the public register: the secretary registers a citizen proposal,
 * writes the memo, puts it on a meeting's agenda, records the decision, has the minutes checked and posts them;
 * the proposer's extract is delivered by the outbox; a citizen finds the case in the public register by a
 * word in another inflection ('vaccinationsbuss' finds 'vaccinationsbussar').
 */
describeInBrowser('governance: a citizen proposal from the register to the public register (chromium)', () => {
  const e2e = useE2e();
  let secretary: User;
  let admin: User;
  let citizen: User;

  beforeAll(async () => {
    secretary = await e2e.newUser(DESKTOP);
    admin = await e2e.newUser(DESKTOP);
    citizen = await e2e.newUser(PHONE);
  });

  it('the secretary registers a citizen proposal and writes its memo', async () => {
    await e2e.login(secretary, demoStaff('Nämndsekreterare', 'Karl Nordin'));
    const main = await e2e.openFromMainMenu(secretary, 'Nämnd och diarium', '/governance');
    await visible(main.getByRole('heading', { level: 1, name: 'Diarium' }));
    // The seed's meeting is there for a newcomer.
    await visible(main.getByRole('link', { name: '21RS5471' }));
    await main.getByLabel('Rubrik').fill(TITLE);
    await main.getByLabel('Förslagsställarens namn').fill('Anna Andersson');
    await main.getByLabel('Förslagsställarens e-post').fill(PROPOSER_EMAIL);
    await main.getByLabel('Förslagsställaren har godkänt att namnet publiceras').check();
    await main.getByRole('button', { name: 'Registrera', exact: true }).click();
    await visible(main.getByRole('heading', { level: 1, name: new RegExp(`RS\\d+ ${TITLE}`) }));
    await visible(main.getByText(/Obligatoriska avsnitt saknas/));

    await main.getByLabel("Förslag till beslut ('att'-satser, en per rad)").fill(DECISION);
    await main.getByLabel('Sammanfattning').fill('Förslagsställaren föreslår att fler vaccinationsbussar kör i Hällefors kommun.');
    await main.getByLabel('Bakgrund och beredning').fill('Beredningen för närsjukvård har behandlat ärendet.');
    await main.getByLabel('Konsekvenser för miljön').fill('Inga konsekvenser.');
    await main.getByLabel('Konsekvenser för barn').fill('Inga konsekvenser.');
    await main.getByLabel('Konsekvenser för jämställdheten').fill('Inga konsekvenser.');
    await main.getByLabel('Ekonomiska konsekvenser').fill('Inga ekonomiska konsekvenser.');
    await expect.poll(() => main.getByLabel('Skickas till (Namn <e-post>, en per rad)').inputValue()).toContain(PROPOSER_EMAIL);
    await main.getByRole('button', { name: 'Spara PM' }).click();
    await visible(main.getByText('PM:et är komplett. Ärendet kan tas upp på en föredragningslista.'));
    await expectNoProblems(secretary);
  });

  it('puts it on an agenda, records the decision, has the minutes checked and posts them', async () => {
    const { page } = secretary;
    const main = page.getByRole('main');
    await page.getByRole('navigation', { name: 'Nämnd och diarium' }).getByRole('link', { name: 'Sammanträden' }).click();
    await visible(main.getByRole('heading', { level: 1, name: 'Sammanträden' }));
    await main.getByLabel('Datum').fill(swedishDate(0));
    await main.getByLabel('Plats').fill('Regionens hus, Örebro');
    await main.getByLabel('Ordförande').fill('Karin Sundin');
    await main.getByLabel('Justerare (kommaseparerade)').fill('Behcet Barsom');
    await main.getByLabel('Justeras senast').fill(swedishDate(7));
    await main.getByRole('button', { name: 'Skapa sammanträde' }).click();
    await visible(main.getByRole('heading', { level: 2, name: 'Föredragningslista' }));

    const ready = main.getByLabel('Ärende klart för nämnd');
    await ready.selectOption((await ready.locator('option', { hasText: TITLE }).getAttribute('value'))!);
    await main.getByRole('button', { name: 'Lägg till', exact: true }).click();
    const item = main.getByRole('article', { name: new RegExp(TITLE) });
    await visible(item);
    await item.getByRole('button', { name: 'Besluta enligt förslaget' }).click();
    await visible(item.getByText(`Beslut: ${DECISION}`, { exact: true }));

    for (const signer of ['Karin Sundin', 'Behcet Barsom']) {
      await main.getByLabel('Justeras av').selectOption(signer);
      await main.getByRole('button', { name: 'Registrera justering' }).click();
      await visible(main.getByText(`Justerat av ${signer}`));
    }
    await visible(main.getByText('Protokollet är justerat och kan inte längre ändras.'));
    await main.getByRole('button', { name: 'Anslå protokollet' }).click();
    await visible(main.getByText(/Anslaget .*Överklagandetiden löper till och med/));
    await visible(item.getByText(`Utdrag till Förslagsställaren (${PROPOSER_EMAIL})`));
    await expectNoProblems(secretary);
  });

  it('the proposer receives the extract through the outbox', async () => {
    await e2e.login(admin, demoStaff('Regionadministratör', 'Henrik Dahl'));
    // The outbox worker delivers within seconds: ask the API until the e-mail is there, then read it on the page.
    await expect
      .poll(
        async () => {
          const res = await admin.page.request.get(`${e2e.url}/api/messages?channel=email`);
          return ((await res.json()) as { messages: { recipient: string }[] }).messages.some((m) => m.recipient === PROPOSER_EMAIL);
        },
        { timeout: 30_000, interval: 1_000 },
      )
      .toBe(true);
    const main = await e2e.openFromMainMenu(admin, 'Meddelanden', '/messages');
    const row = main.getByRole('row', { name: new RegExp(PROPOSER_EMAIL) });
    await visible(row.getByText(/Protokollsutdrag Hälso- och sjukvårdsnämnden/));
    await expectNoProblems(admin);
  });

  it('a citizen finds the case in the public register by a word in another inflection', async () => {
    const { page } = citizen;
    await page.goto(`${e2e.url}/register`);
    const main = page.getByRole('main');
    await visible(main.getByRole('heading', { level: 1, name: 'Offentligt diarium' }));
    await main.getByLabel('Sökord').fill('vaccinationsbuss');
    await main.getByRole('button', { name: 'Sök' }).click();
    const hits = main.getByRole('list', { name: 'Träffar' });
    await visible(hits.getByRole('link', { name: new RegExp(TITLE) }).first());
    expect(await hits.locator('mark').first().textContent()).toMatch(/vaccinationsbussar/i);
    await hits.getByRole('link', { name: new RegExp(TITLE) }).first().click();
    await visible(main.getByRole('heading', { level: 1, name: new RegExp(TITLE) }));
    await visible(main.getByText('Förslagsställare: Anna Andersson'));
    await visible(main.getByRole('alert').filter({ hasText: DECISION }));
    expect(await main.textContent()).not.toContain(PROPOSER_EMAIL);
    await expectNoProblems(citizen);
  });
});
