import { X509Certificate } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { verifyCommand } from './cli.js';
import { encodeHcert } from './hcert/codec.js';
import { vaccinationDcc } from './hcert/payload.js';
import { qrPng } from './hcert/qr.js';
import { makeUvci } from './hcert/uvci.js';
import { generateCsca, generateDsc, privateKeyOf } from './signing/x509.js';

/** `lagesbild certificate verify` offline against a trust-list file: by text, by QR image, and a forgery. */
describe('certificate verify (CLI)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lagesbild-cert-'));
  let hc1 = '';
  let trustList = '';

  beforeAll(async () => {
    const now = new Date();
    const csca = await generateCsca({ country: 'SE', organisation: 'Region Test', now, years: 5 });
    const dsc = await generateDsc({ csca: { der: csca.der, privateKey: privateKeyOf(csca.privateKeyPkcs8) }, country: 'SE', organisation: 'Region Test', name: 'DSC 1', kinds: ['vaccination'], now, validTo: new Date(now.getTime() + 86_400_000 * 365) });
    const dcc = vaccinationDcc({ familyName: 'Lövström', givenName: 'Åsa', birthDate: '1980-01-01' }, { vp: 'J07BX03', mp: 'EU/1/20/1528', ma: 'ORG-100030215', doseNumber: 2, seriesDoses: 2, date: '2021-06-01' }, { country: 'SE', issuer: 'Region Test', uci: makeUvci('SE', 'LB18', 'V1') });
    hc1 = encodeHcert({ issuer: 'SE', issuedAt: Math.floor(now.getTime() / 1000), expiresAt: Math.floor(now.getTime() / 1000) + 86_400, dcc }, { kid: Buffer.from(dsc.kid, 'base64'), privateKey: privateKeyOf(dsc.privateKeyPkcs8) });
    trustList = join(dir, 'trust.json');
    writeFileSync(trustList, JSON.stringify([{ kid: dsc.kid, country: 'SE', certificateType: 'DSC', rawData: Buffer.from(dsc.der).toString('base64') }]));
    expect(new X509Certificate(Buffer.from(dsc.der)).keyUsage).toContain('1.3.6.1.4.1.1847.2021.1.2');
  });
  afterEach(() => vi.restoreAllMocks());

  it('says GILTIGT for the text and for a PNG of its QR code', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    expect(await verifyCommand(hc1, {}, trustList)).toBe(true);
    const png = join(dir, 'qr.png');
    writeFileSync(png, await qrPng(hc1));
    expect(await verifyCommand(png, {}, trustList)).toBe(true);
    expect(log.mock.calls[0]![0]).toBe('GILTIGT: vaccination\n  VALID: vaccination');
  });

  it('says INTE GILTIGT with the reason for an altered certificate', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => {});
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const altered = hc1.slice(0, 60) + (hc1[60] === 'A' ? 'B' : 'A') + hc1.slice(61);
    expect(await verifyCommand(altered, {}, trustList)).toBe(false);
    expect(String(error.mock.calls[0]![0])).toMatch(/^INTE GILTIGT: /);
  });
});
