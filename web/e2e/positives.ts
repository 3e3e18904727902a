import { expect } from 'vitest';
import type { E2e, User } from './session.js';

/** A POST with the user's session cookie, expecting success. */
export async function post<T>(e2e: E2e, { page }: User, path: string, body: unknown): Promise<T> {
  const response = await page.request.post(`${e2e.url}${path}`, { data: body });
  expect(response.ok(), `POST ${path} → ${response.status()}: ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

/**
 * A positive PCR result for the logged-in citizen, reported as a lab would, through the API with a demo lab
 * user's session: a kit, registered by the citizen, received and positive. The tracing case opens within seconds.
 */
export async function reportPositive(e2e: E2e, lab: User, citizen: User): Promise<void> {
  const users = (await (await lab.page.request.get(`${e2e.url}/api/auth/demo/users`)).json()) as { staff: { id: string; role: string }[] };
  const labStaff = users.staff.find((s) => s.role === 'lab');
  expect(labStaff, 'a demo lab user').toBeDefined();
  await post(e2e, lab, '/api/auth/demo/login', { kind: 'staff', id: labStaff!.id });
  const { kits } = await post<{ kits: string[] }>(e2e, lab, '/api/testing/kits', { testType: 'pcr', count: 1 });
  const kitCode = kits[0]!;
  await post(e2e, citizen, '/api/testing/my/kits', { kitCode });
  await post(e2e, lab, '/api/testing/lab/received', { kitCode });
  await post(e2e, lab, '/api/testing/lab/results', { kitCode, testType: 'pcr', result: 'positive', method: 'RT-PCR SARS-CoV-2' });
}
