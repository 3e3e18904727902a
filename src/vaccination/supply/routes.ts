import { z } from 'zod';
import { day, dayRange, instant, isoWeek, text } from '../../platform/input/index.js';
import type { AppContext } from '../../platform/context.js';
import { actorOf, type App } from '../../platform/http/server.js';
import { forecastWeeks, listProducts, recordForecast, saveProduct, setForecastAllocations } from './forecasts.js';
import { wastageReasons } from './model.js';
import { shortages } from './shortages.js';
import {
  ClosedVialView,
  DeliveryView,
  ForecastSharesView,
  ForecastWeeksView,
  OpenedVialView,
  ProductView,
  RecentVialsView,
  RecordedForecastView,
  RecordedWastageView,
  ShortagesView,
  StockView,
  WastageReportView,
} from './views.js';
import { allocateDelivery, closeVial, listDeliveries, openVial, recentVials, recordDelivery, recordWastage, stockView, wastageReport } from './stock.js';
import { downloadRoutes } from '../../platform/files/downloads.js';
import { stockTables, wastageTables } from './exports.js';

const tags = ['vaccination supply'];
const StockFilters = z.object({ siteId: z.uuid().optional() }).strict();
const WastageFilters = z.object({ from: day, to: day }).strict();
const productCode = text({ max: 40 });
const doses = z.number().int().min(0).max(10_000_000);
const vials = z.number().int().min(1).max(1_000_000);
const SiteVials = z.array(z.object({ siteId: z.uuid(), vials }).strict()).max(500);
const IdParams = z.object({ id: z.uuid() });

export function vaccinationSupplyRoutes(app: App, ctx: AppContext) {
  app.get('/api/vaccination/supply/products', { config: { access: 'vaccination.stock.read' }, schema: { tags, summary: 'Products and their planned doses per vial', response: { 200: z.object({ products: z.array(ProductView) }) } } }, async (req) => ({
    products: await listProducts(ctx, actorOf(req)),
  }));
  app.put(
    '/api/vaccination/supply/products',
    {
      config: { access: 'vaccination.supply.manage' },
      schema: { tags, summary: 'Add a product or change its doses per vial', body: z.object({ productCode, dosesPerVial: z.number().int().min(1).max(20), shakeSensitive: z.boolean().default(false) }).strict(), response: { 200: ProductView } },
    },
    async (req) => saveProduct(ctx, actorOf(req), req.body),
  );

  app.get('/api/vaccination/supply/forecasts', { config: { access: 'vaccination.supply.manage' }, schema: { tags, summary: 'Forecast weeks with their change history and site shares', querystring: z.object({ from: isoWeek, to: isoWeek }).strict(), response: { 200: ForecastWeeksView } } }, async (req) =>
    forecastWeeks(ctx, actorOf(req), req.query),
  );
  app.post(
    '/api/vaccination/supply/forecasts',
    { config: { access: 'vaccination.supply.manage' }, schema: { tags, summary: 'Record a (changed) forecast for a product and week', body: z.object({ productCode, isoWeek, doses, reason: text({ max: 500, min: 0, multiline: true }).optional() }).strict(), response: { 201: RecordedForecastView } } },
    async (req, reply) => reply.code(201).send(await recordForecast(ctx, actorOf(req), req.body)),
  );
  app.put(
    '/api/vaccination/supply/forecasts/allocations',
    { config: { access: 'vaccination.supply.manage' }, schema: { tags, summary: "Set the sites' shares of a forecast week", body: z.object({ productCode, isoWeek, allocations: z.array(z.object({ siteId: z.uuid(), doses }).strict()).max(500) }).strict(), response: { 200: ForecastSharesView } } },
    async (req) => setForecastAllocations(ctx, actorOf(req), req.body),
  );

  app.get('/api/vaccination/supply/deliveries', { config: { access: 'vaccination.supply.manage' }, schema: { tags, summary: 'Received deliveries and their allocation to sites', response: { 200: z.object({ deliveries: z.array(DeliveryView) }) } } }, async (req) => listDeliveries(ctx, actorOf(req)));
  app.post(
    '/api/vaccination/supply/deliveries',
    {
      config: { access: 'vaccination.supply.manage' },
      schema: { tags, summary: 'Record a received delivery (batch, expiry), optionally allocated to sites', body: z.object({ productCode, isoWeek, batchNumber: text({ max: 60 }), expiresOn: day, vials, receivedAt: instant.optional(), allocations: SiteVials.optional() }).strict(), response: { 201: DeliveryView } },
    },
    async (req, reply) => reply.code(201).send(await recordDelivery(ctx, actorOf(req), req.body)),
  );
  app.post('/api/vaccination/supply/deliveries/:id/allocations', { config: { access: 'vaccination.supply.manage' }, schema: { tags, summary: 'Allocate vials of a delivery to sites', params: IdParams, body: z.object({ allocations: SiteVials.min(1) }).strict(), response: { 200: DeliveryView } } }, async (req) =>
    allocateDelivery(ctx, actorOf(req), req.params.id, req.body.allocations),
  );

  app.get('/api/vaccination/supply/stock', { config: { access: 'vaccination.stock.read' }, schema: { tags, summary: 'Stock per site and batch, open vials', querystring: StockFilters, response: { 200: StockView } } }, async (req) => stockView(ctx, actorOf(req), req.query));
  app.get('/api/vaccination/supply/sites/:id/vials', { config: { access: 'vaccination.stock.read' }, schema: { tags, summary: 'The latest vials opened at a site', params: IdParams, response: { 200: RecentVialsView } } }, async (req) => ({ vials: await recentVials(ctx, actorOf(req), req.params.id) }));
  app.post('/api/vaccination/supply/vials', { config: { access: 'vaccination.stock.manage' }, schema: { tags, summary: 'Open a vial of a batch at a site', body: z.object({ siteId: z.uuid(), deliveryId: z.uuid() }).strict(), response: { 201: OpenedVialView } } }, async (req, reply) =>
    reply.code(201).send(await openVial(ctx, actorOf(req), req.body)),
  );
  app.post(
    '/api/vaccination/supply/vials/:id/close',
    { config: { access: 'vaccination.stock.manage' }, schema: { tags, summary: 'Close a vial with the doses drawn and discarded', params: IdParams, body: z.object({ dosesDrawn: z.number().int().min(0).max(30), dosesDiscarded: z.number().int().min(0).max(30) }).strict(), response: { 200: ClosedVialView } } },
    async (req) => closeVial(ctx, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/vaccination/supply/wastage',
    { config: { access: 'vaccination.stock.manage' }, schema: { tags, summary: 'Record unopened vials lost at a site', body: z.object({ siteId: z.uuid(), deliveryId: z.uuid(), vials, reason: z.enum(wastageReasons), note: text({ max: 500, min: 0, multiline: true }).optional() }).strict(), response: { 201: RecordedWastageView } } },
    async (req, reply) => reply.code(201).send(await recordWastage(ctx, actorOf(req), req.body)),
  );
  app.get('/api/vaccination/supply/wastage', { config: { access: 'vaccination.stock.read' }, schema: { tags, summary: 'Wastage per site and product over a period', querystring: WastageFilters.superRefine(dayRange(366)), response: { 200: WastageReportView } } }, async (req) =>
    wastageReport(ctx, actorOf(req), req.query),
  );
  downloadRoutes(app, ctx, {
    path: '/api/vaccination/supply/stock',
    access: 'vaccination.stock.read',
    tags,
    what: 'Stock per site and batch',
    query: StockFilters,
    load: (actor, q: z.infer<typeof StockFilters>) => stockView(ctx, actor, q),
    name: (q, d) => ['lager', q.siteId, d.today],
    tables: stockTables,
  });
  downloadRoutes(app, ctx, {
    path: '/api/vaccination/supply/wastage',
    access: 'vaccination.stock.read',
    tags,
    what: 'Wastage per site and product',
    query: WastageFilters,
    refine: dayRange(366),
    load: (actor, q: z.infer<typeof WastageFilters>) => wastageReport(ctx, actor, q),
    name: (q) => ['kassation', q.from, q.to],
    tables: wastageTables,
  });
  app.get('/api/vaccination/supply/shortages', { config: { access: 'vaccination.stock.read' }, schema: { tags, summary: 'Booked times no longer covered by expected doses, and what to do', response: { 200: ShortagesView } } }, async (req) => shortages(ctx, actorOf(req)));
}
