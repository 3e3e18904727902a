/**
 * EU DCC certificates (issue #13), no database: issuing (payload, deterministic CBOR, COSE_Sign1 ES256, zlib,
 * base45) against raw node:crypto ES256 signatures, and our verifyHcert against the independent verifier
 * @pathcheck/dcc-sdk on the same certificates. Runs once, on the PGlite pass.
 */
import { sign } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { encodeBase45 } from '../src/certificates/hcert/base45.js';
import { encodeCbor } from '../src/certificates/hcert/cbor.js';
import { encodeHcert, type Claims, type Signer } from '../src/certificates/hcert/codec.js';
import { signCoseSign1 } from '../src/certificates/hcert/cose.js';
import { pathcheckVerifier } from '../test/pathcheck.js';
import { certificateKinds } from '../src/certificates/hcert/kinds.js';
import { claimsOf, sampleDcc, testCsca, trustList } from '../test/hcert.js';
import { verifyHcert } from '../src/certificates/hcert/verify.js';
import { formatInt, formatMs, race, time, type Benchmark, type BenchResult, type Measurement, type Timing } from './lib.js';

/**
 * Per round: a raw signature costs a fraction of a certificate, so the baseline signs more per round and the
 * rounds of both take about as long; many short interleaved rounds give both the same chance of a quiet
 * moment on a busy machine (best of few long rounds favoured the short one).
 */
const SIGN_COUNT = 1_000;
const RAW_SIGN_COUNT = 5_000;
const SIGN_ROUNDS_PER_REPEAT = 5;
const VERIFY_COUNT = 2_000;
const now = new Date('2026-12-07T10:00:00Z');

const benchmark: Benchmark = {
  name: 'certificates',
  async run(target, { scale, repeat }) {
    const say = (m: string) => process.stderr.write(`  certificates on ${target.name}: ${m}\n`);
    if (target.name !== 'pglite') {
      say('skipped: no database is involved, the PGlite pass measured it');
      return [];
    }
    const signCount = Math.max(100, Math.round(SIGN_COUNT * scale));
    const rawCount = Math.max(500, Math.round(RAW_SIGN_COUNT * scale));
    const signRounds = repeat * SIGN_ROUNDS_PER_REPEAT;
    const verifyCount = Math.max(100, Math.round(VERIFY_COUNT * scale));
    const dsc = await (await testCsca(now)).dsc(['vaccination', 'test', 'recovery']);
    const kindOf = (i: number) => certificateKinds[i % certificateKinds.length]!;
    const serial = (i: number) => String(i).padStart(6, '0');

    // Sign: a whole certificate against one bare signature over as many bytes as a certificate's Sig_structure.
    const issueAll = (n: number) => {
      const out: string[] = [];
      for (let i = 0; i < n; i++) out.push(encodeHcert(claimsOf(sampleDcc(kindOf(i), serial(i), now), now), dsc.signer));
      return out;
    };
    const toBeSigned = new Uint8Array(320).fill(0x5a);
    const signAll = (n: number) => {
      for (let i = 0; i < n; i++) sign('sha256', toBeSigned, { key: dsc.signer.privateKey, dsaEncoding: 'ieee-p1363' });
    };
    say(`sign: ${formatInt(signCount)} certificates against ${formatInt(rawCount)} raw ES256 signatures a round, ${signRounds} rounds…`);
    issueAll(200);
    signAll(200);
    const signing = await race(signRounds, { ours: { run: async () => issueAll(signCount) }, raw: { run: async () => signAll(rawCount) } });
    say('sign: the stages one by one…');
    const stages = await stageTimes(signCount, repeat, (i) => claimsOf(sampleDcc(kindOf(i), serial(i), now), now), dsc.signer);

    // Verify: the same certificates through both verifiers; each must find every one valid.
    const certificates = issueAll(verifyCount);
    const options = { now, signersFor: trustList(dsc.trusted), isRevoked: () => false };
    const pathcheck = await pathcheckVerifier([dsc]);
    const verifyOurs = async () => {
      for (const text of certificates) if (!verifyHcert(text, options).valid) throw new Error(`verifyHcert refused ${text.slice(0, 40)}…`);
    };
    const verifyPathcheck = async () => {
      for (const text of certificates) {
        const { status } = await pathcheck(text);
        if (status !== 'verified') throw new Error(`@pathcheck/dcc-sdk answered ${status} for ${text.slice(0, 40)}…`);
      }
    };
    say(`verify: ${formatInt(verifyCount)} certificates through both verifiers, ${repeat} rounds…`);
    await verifyOurs();
    await verifyPathcheck();
    const verifying = await race(repeat, { ours: { run: verifyOurs }, pathcheck: { run: verifyPathcheck } });

    const m = (label: string, rows: number, unit: string, timing: Timing): Measurement => ({ label, rows, unit, timing });
    const certificateBytes = Math.round(certificates.reduce((sum, t) => sum + t.length, 0) / certificates.length);
    const results: BenchResult[] = [
      {
        benchmark: 'certificates',
        target: target.name,
        ours: m('certificates issued', signCount, 'certificates', signing.ours),
        baseline: m('raw ES256 signatures', rawCount, 'signatures', signing.raw),
        notes: [
          `best of ${signRounds} rounds of ${formatInt(signCount)} certificates (vaccination, test and recovery in turn) and ${formatInt(rawCount)} signatures: ${formatMs(signing.ours.best)} and ${formatMs(signing.raw.best)}`,
          `per certificate (each stage timed alone, best of ${repeat}): ${stages.map(([stage, us]) => `${stage} ${us.toFixed(0)} µs`).join(', ')}`,
          'an issued certificate is the DCC payload (with ICAO transliteration), deterministic CBOR, COSE_Sign1 with ES256 (node:crypto), zlib level 9 and base45; the baseline is node:crypto sign() of 320 bytes with the same P-256 key; neither checks the schema',
        ],
      },
      {
        benchmark: 'certificates',
        target: target.name,
        ours: m('verifyHcert', verifyCount, 'certificates', verifying.ours),
        baseline: m('@pathcheck/dcc-sdk', verifyCount, 'certificates', verifying.pathcheck),
        notes: [
          `${formatInt(verifyCount)} certificates (${certificateBytes} characters of HC1: text on average); best rounds ${formatMs(verifying.ours.best)} and ${formatMs(verifying.pathcheck.best)}`,
          'verifyHcert does more than the baseline: signer validity and key usage, expiry, revocation hashes and the DCC JSON schema (ajv); @pathcheck/dcc-sdk 0.0.27 checks the signature only (cbor 8, pako, WebCrypto through isomorphic-webcrypto)',
        ],
      },
    ];
    return results;
  },
};

/**
 * Where an issued certificate's time goes: each of encodeHcert's steps (codec.ts) alone over `n`
 * certificates, its inputs made beforehand, in microseconds per certificate.
 */
async function stageTimes(n: number, repeat: number, claimsFor: (i: number) => Claims, signer: Signer): Promise<[string, number][]> {
  const cwt = (c: Claims) => new Map<number, unknown>([[1, c.issuer], [4, c.expiresAt], [6, c.issuedAt], [-260, new Map([[1, c.dcc]])]]);
  const deflate = (cose: Uint8Array) => deflateSync(cose, { level: 9 });
  const claims = Array.from({ length: n }, (_, i) => claimsFor(i));
  const payloads = claims.map((c) => encodeCbor(cwt(c)));
  const coses = payloads.map((p) => signCoseSign1(p, signer.kid, signer.privateKey));
  // Copied out: a deflateSync result keeps a 16 kB buffer alive, and 5,000 of them would tax the next stage's GC.
  const zlibs = coses.map((c) => Uint8Array.from(deflate(c)));
  const steps: [string, (i: number) => unknown][] = [
    ['payload', claimsFor],
    ['CBOR', (i) => encodeCbor(cwt(claims[i]!))],
    ['COSE with ES256', (i) => signCoseSign1(payloads[i]!, signer.kid, signer.privateKey)],
    ['zlib', (i) => deflate(coses[i]!)],
    ['base45', (i) => encodeBase45(zlibs[i]!)],
  ];
  const out: [string, number][] = [];
  for (const [stage, step] of steps) {
    const timing = await time(async () => {
      for (let i = 0; i < n; i++) step(i);
    }, { repeat });
    out.push([stage, (timing.best * 1000) / n]);
  }
  return out;
}

export default benchmark;
