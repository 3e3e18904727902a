import { z } from 'zod';
import { day } from '../platform/input/index.js';
import type { AppContext } from '../platform/context.js';
import { actorOf, type App } from '../platform/http/server.js';
import * as schemas from './schemas.js';
import * as service from './service.js';

const tags = ['testing'];

export function testingRoutes(app: App, ctx: AppContext) {
  // The citizen: order a kit, register it by its QR code, follow it to the answer.
  app.get('/api/testing/distribution-points', { config: { access: 'testing.points.read' }, schema: { tags, summary: 'Where to pick up kits and leave samples', response: { 200: z.object({ points: z.array(schemas.DistributionPointView) }) } } }, async (req) => ({
    points: await service.listPoints(ctx, actorOf(req)),
  }));
  app.get('/api/testing/my', { config: { access: 'testing.own' }, schema: { tags, summary: 'My kit orders and samples', response: { 200: z.object({ orders: z.array(schemas.OrderView), samples: z.array(schemas.SampleView) }) } } }, async (req) =>
    service.myTesting(ctx, actorOf(req)),
  );
  app.post('/api/testing/my/orders', { config: { access: 'testing.own' }, schema: { tags, summary: 'Order a self-sampling kit', body: schemas.OrderKitBody, response: { 201: schemas.OrderView } } }, async (req, reply) =>
    reply.code(201).send(await service.orderKit(ctx, actorOf(req), req.body)),
  );
  app.post('/api/testing/my/kits', { config: { access: 'testing.own' }, schema: { tags, summary: 'Register a kit by its QR code', body: schemas.RegisterKitBody, response: { 201: schemas.SampleView } } }, async (req, reply) =>
    reply.code(201).send(await service.registerKit(ctx, actorOf(req), req.body)),
  );

  // Kits are printed in batches; the codes returned go on the QR labels.
  app.post('/api/testing/kits', { config: { access: 'testing.kits.issue' }, schema: { tags, summary: 'Issue a batch of kit ids', body: schemas.IssueKitsBody, response: { 201: z.object({ batch: z.string(), testType: schemas.TestTypeField, kits: z.array(z.string()) }) } } }, async (req, reply) =>
    reply.code(201).send(await service.issueKits(ctx, actorOf(req), req.body)),
  );

  // The lab.
  app.post('/api/testing/lab/received', { config: { access: 'testing.sample.receive' }, schema: { tags, summary: 'Scan a sample in at the lab', body: schemas.KitCodeBody, response: { 200: schemas.SampleView } } }, async (req) =>
    service.receiveSample(ctx, actorOf(req), req.body.kitCode),
  );
  app.post('/api/testing/lab/results', { config: { access: 'testing.result.register' }, schema: { tags, summary: 'Report one result', body: schemas.RegisterResultBody, response: { 200: schemas.ResultOutcomeView } } }, async (req) =>
    service.registerResult(ctx, actorOf(req), req.body),
  );

  // Assisted sampling.
  app.post('/api/testing/slots', { config: { access: 'testing.sample.collect' }, schema: { tags, summary: 'Open bookable sampling times at a station', body: schemas.CreateSlotsBody, response: { 201: z.object({ created: z.number(), skipped: z.number() }) } } }, async (req, reply) =>
    reply.code(201).send(await service.createSlots(ctx, actorOf(req), req.body)),
  );
  app.get('/api/testing/slots', { config: { access: 'testing.sample.collect' }, schema: { tags, summary: 'Sampling times on a day', querystring: z.object({ date: day, stationId: z.uuid().optional() }).strict(), response: { 200: z.object({ slots: z.array(schemas.SlotView) }) } } }, async (req) => ({
    slots: await service.listSlots(ctx, actorOf(req), req.query),
  }));
  app.post('/api/testing/bookings', { config: { access: 'testing.sample.collect' }, schema: { tags, summary: 'Book a sampling time for someone without e-ID', body: schemas.BookSamplingBody, response: { 201: schemas.BookingView } } }, async (req, reply) =>
    reply.code(201).send(await service.bookSampling(ctx, actorOf(req), req.body)),
  );
  app.post('/api/testing/samples', { config: { access: 'testing.sample.collect' }, schema: { tags, summary: 'Record a sample taken by healthcare staff', body: schemas.CollectSampleBody, response: { 201: schemas.CollectedSampleView } } }, async (req, reply) =>
    reply.code(201).send(await service.collectSample(ctx, actorOf(req), req.body)),
  );
  app.get('/api/testing/call-list', { config: { access: 'testing.calls' }, schema: { tags, summary: 'Negative answers to phone through (assisted track)', response: { 200: z.object({ calls: z.array(z.object({ sampleId: z.string(), personId: z.string(), name: z.string(), phone: z.string().nullable(), takenAt: z.string(), resultAt: z.string().nullable(), attempts: z.number() })) }) } } }, async (req) => ({
    calls: await service.callList(ctx, actorOf(req)),
  }));
  app.post('/api/testing/call-list/:sampleId', { config: { access: 'testing.calls' }, schema: { tags, summary: 'Record a call', params: z.object({ sampleId: z.uuid() }), body: z.object({ outcome: z.enum(['reached', 'no_answer']) }).strict(), response: { 200: z.object({ sampleId: z.string(), outcome: z.string() }) } } }, async (req) =>
    service.recordCall(ctx, actorOf(req), req.params.sampleId, req.body.outcome),
  );
}
