import { z } from 'zod';
import { text as say } from '../platform/text/index.js';
import type { AppContext } from '../platform/context.js';
import { actorOf, type App } from '../platform/http/server.js';
import { day, dayRange, regionCode, text } from '../platform/input/index.js';
import { AppError, invalid } from '../platform/errors.js';
import { certificateKinds } from './hcert/kinds.js';
import { qrPng, qrSvg } from './hcert/qr.js';
import { certificatePdf } from './pdf.js';
import { certificateFile, decideRequest, getCertificate, issuePaper, missingReasons, myCertificates, personCertificates, requestCertificate, revokeCertificate, revokeSigningKey, reviewQueue, rotateSigningKey, type MissingReason } from './service.js';
import { allSigners } from './signing/store.js';
import { certificateStatistics, statisticsTables } from './statistics.js';
import { downloadRoutes } from '../platform/files/downloads.js';
import { revocationList, trustList, verifyCertificate } from './verification.js';
import {
  CertificateDetailView,
  DecisionView,
  MyCertificatesView,
  PersonCertificatesView,
  QueueView,
  RequestOutcomeView,
  RevocationListView,
  SignerView,
  StatisticsView,
  TrustListView,
  VerificationView,
} from './views.js';

const tags = ['certificates'];
const kind = z.enum(certificateKinds);
const Id = z.object({ id: z.guid() }).strict();
const reason = text({ max: 1000, multiline: true });
const download = (name: string) => `attachment; filename="${name}"`;
const StatisticsFilters = z.object({ from: day, to: day, regionId: regionCode.optional() }).strict();
const StatisticsQuery = StatisticsFilters.superRefine(dayRange(731));
/** A photo of a QR code, base64: a few megabytes at most. */
const image = z.string().max(8_000_000).regex(/^[A-Za-z0-9+/=\r\n]*$/, 'base64');

export function certificateRoutes(app: App, ctx: AppContext) {
  // --- The citizen ------------------------------------------------------------------------------------
  app.get('/api/certificates/mine', { config: { access: 'certificates.own' }, schema: { tags, summary: 'My and my children’s certificates and requests', response: { 200: MyCertificatesView } } }, async (req) => myCertificates(ctx, actorOf(req)));
  app.post(
    '/api/certificates/requests',
    {
      config: { access: 'certificates.own' },
      schema: {
        tags,
        summary: 'Ask for a certificate: issued at once when the rules allow, else refused with the rule or queued for an administrator',
        body: z.object({ kind, personId: z.guid().optional(), missing: z.enum(Object.keys(missingReasons) as [MissingReason, ...MissingReason[]]).optional(), note: text({ max: 1000, multiline: true }).optional() }).strict(),
        response: { 200: RequestOutcomeView },
      },
    },
    async (req) => requestCertificate(ctx, actorOf(req), req.body),
  );

  // --- One certificate (its holder, guardian or an administrator) --------------------------------------
  const readAccess = 'certificates.read' as const;
  app.get('/api/certificates/:id', { config: { access: readAccess }, schema: { tags, summary: 'A certificate with its HC1 text and payload', params: Id, response: { 200: CertificateDetailView } } }, async (req) =>
    getCertificate(ctx, actorOf(req), req.params.id, actorOf(req).kind === 'citizen' ? 'eget intyg' : 'handläggning av intyg'),
  );
  app.get('/api/certificates/:id/qr.png', { config: { access: readAccess }, schema: { tags, summary: 'The QR code as PNG (error correction Q)', params: Id } }, async (req, reply) => {
    const row = await certificateFile(ctx, actorOf(req), req.params.id, 'qr');
    return reply.type('image/png').header('cache-control', 'no-store').send(await qrPng(row.hc1));
  });
  app.get('/api/certificates/:id/qr.svg', { config: { access: readAccess }, schema: { tags, summary: 'The QR code as SVG', params: Id } }, async (req, reply) => {
    const row = await certificateFile(ctx, actorOf(req), req.params.id, 'qr');
    return reply.type('image/svg+xml').header('cache-control', 'no-store').send(await qrSvg(row.hc1));
  });
  app.get('/api/certificates/:id/certificate.pdf', { config: { access: readAccess }, schema: { tags, summary: 'The certificate as PDF (Swedish and English, after the EU template)', params: Id } }, async (req, reply) => {
    const row = await certificateFile(ctx, actorOf(req), req.params.id, 'pdf');
    return reply
      .type('application/pdf')
      .header('cache-control', 'no-store')
      .header('content-disposition', download(`covidintyg-${row.kind}-${row.issuedAt.slice(0, 10)}.pdf`))
      .send(await certificatePdf(row));
  });

  // --- Certificate administrators ----------------------------------------------------------------------
  const manage = 'certificates.manage' as const;
  app.get('/api/certificates/queue', { config: { access: manage }, schema: { tags, summary: 'Requests waiting for an administrator, oldest first', response: { 200: QueueView } } }, async (req) => reviewQueue(ctx, actorOf(req)));
  app.post(
    '/api/certificates/requests/:id/decision',
    { config: { access: manage }, schema: { tags, summary: 'Approve (issue) or reject a queued request, with a written reason', params: Id, body: z.object({ decision: z.enum(['approve', 'reject']), reason }).strict(), response: { 200: DecisionView } } },
    async (req) => decideRequest(ctx, actorOf(req), req.params.id, req.body),
  );
  app.get('/api/certificates/persons/:id', { config: { access: manage }, schema: { tags, summary: 'A person’s certificates and requests', params: Id, response: { 200: PersonCertificatesView } } }, async (req) => personCertificates(ctx, actorOf(req), req.params.id));
  app.post('/api/certificates/paper', { config: { access: manage }, schema: { tags, summary: 'Issue a paper certificate (for people without personnummer)', body: z.object({ personId: z.guid(), kind }).strict(), response: { 200: RequestOutcomeView } } }, async (req) =>
    issuePaper(ctx, actorOf(req), req.body),
  );
  app.post('/api/certificates/:id/revoke', { config: { access: manage }, schema: { tags, summary: 'Revoke a certificate', params: Id, body: z.object({ reason }).strict(), response: { 200: z.object({ id: z.string(), revokedAt: z.string() }) } } }, async (req) =>
    revokeCertificate(ctx, actorOf(req), req.params.id, req.body.reason),
  );
  app.get('/api/certificates/signers', { config: { access: manage }, schema: { tags, summary: 'This region’s CSCA and document signers', response: { 200: z.array(SignerView) } } }, async (req) => allSigners(ctx.database.db, actorOf(req).regionId));
  app.post('/api/certificates/signers/rotate', { config: { access: manage }, schema: { tags, summary: 'Retire the signing document signer and make a new one', response: { 200: z.object({ kid: z.string().nullable(), name: z.string(), validFrom: z.string(), validTo: z.string() }) } } }, async (req) => rotateSigningKey(ctx, actorOf(req)));
  app.post(
    '/api/certificates/signers/revoke',
    { config: { access: manage }, schema: { tags, summary: 'Revoke a document signer: every certificate it signed becomes invalid', body: z.object({ kid: z.string().length(12).regex(/^[A-Za-z0-9+/]{11}=$/, 'a kid: 8 bytes in base64'), reason }).strict(), response: { 200: z.object({ kid: z.string().nullable(), revokedAt: z.string().nullable() }) } } },
    async (req) => revokeSigningKey(ctx, actorOf(req), req.body.kid, req.body.reason),
  );

  // --- Statistics --------------------------------------------------------------------------------------
  const stats = 'certificates.statistics.read' as const;
  app.get('/api/certificates/statistics', { config: { access: stats }, schema: { tags, summary: 'Requests, issued by kind, refused by rule and paper certificates per region and month', querystring: StatisticsQuery, response: { 200: StatisticsView } } }, async (req) =>
    certificateStatistics(ctx, actorOf(req), req.query),
  );
  downloadRoutes(app, ctx, {
    path: '/api/certificates/statistics',
    access: stats,
    tags,
    what: 'The monthly certificate statistics',
    query: StatisticsFilters,
    refine: dayRange(731),
    load: (actor, q: z.infer<typeof StatisticsFilters>) => certificateStatistics(ctx, actor, q),
    name: (q) => ['intyg', q.regionId, q.from, q.to],
    tables: statisticsTables,
  });

  // --- Anyone: verification, trust list, revocation list -----------------------------------------------
  app.post(
    '/api/certificates/verify',
    {
      config: { access: 'public' },
      bodyLimit: 10 * 1024 * 1024,
      schema: { tags, summary: 'Verify a certificate from its HC1: text or a PNG photo of its QR code (base64)', body: z.object({ hc1: text({ max: 8000 }).optional(), image: image.optional() }).strict(), response: { 200: VerificationView } },
    },
    async (req) => {
      if (!req.body.hc1 && !req.body.image) throw invalid('hc1', say('certificates.hc1OrImage'));
      return verifyCertificate(ctx, req.body);
    },
  );
  app.get('/api/certificates/trust-list', { config: { access: 'public' }, schema: { tags, summary: 'The document signers (DSC) in the DCC gateway’s trust-list format', response: { 200: TrustListView } } }, async () => trustList(ctx, 'dsc'));
  app.get('/api/certificates/trust-list/csca', { config: { access: 'public' }, schema: { tags, summary: 'The country signing CAs (CSCA)', response: { 200: TrustListView } } }, async () => trustList(ctx, 'csca'));
  app.get('/api/certificates/revocation-list', { config: { access: 'public' }, schema: { tags, summary: 'UCI hashes of revoked certificates', response: { 200: RevocationListView } } }, async () => revocationList(ctx));
}
