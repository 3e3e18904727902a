import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTRACT_DIR, CONTRACT_FILES, renderContract } from '../scripts/contract/render.js';
import { setupTest, type TestEnv } from './harness.js';

// The web UI is built against the committed contract; when a route changes and nobody ran
// `npm run contract`, the UI's types describe an API that no longer exists.
describe('the web UI contract', () => {
  let env: TestEnv;
  let contract: Awaited<ReturnType<typeof renderContract>>;
  beforeAll(async () => {
    env = await setupTest();
    contract = await renderContract(env.app);
  });
  afterAll(() => env.close());

  it.each(Object.entries(CONTRACT_FILES))('web/src/contract/%s is what the routes produce now (else run `npm run contract`)', (part, file) => {
    const committed = readFileSync(new URL(file, CONTRACT_DIR), 'utf8');
    expect(committed === contract[part as keyof typeof CONTRACT_FILES], `web/src/contract/${file} is out of date: run \`npm run contract\``).toBe(true);
  });
});
