/**
 * /api/dues: party dues (党费) — a member's rates (computed by the 2008 rule), payments, the
 * yearly ledger (JSON or the .xlsx 台账) and the collection rate. Amounts in JSON are integer 分.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { scopedOrg } from '../../app/access.ts';
import type { AppContext } from '../../app/context.ts';
import { duesCollection, duesLedger, exportDuesLedger, listDuesRates, recordDuesPayments, setDuesRate } from '../../app/dues-service.ts';
import { DUES_CATEGORY_LIST, type DuesCategory } from '../../domain/regulations/dues.ts';
import { actorOf } from '../auth.ts';
import { isoDate, uuid, XLSX_MIME } from '../schemas.ts';
import { attachment } from './member-routes.ts';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份应为 YYYY-MM');
const money = z.string().trim().regex(/^\d{1,9}(\.\d{1,2})?$/, '金额应为元，最多两位小数');
const year = z.coerce.number().int().min(1921).max(2200);
const category = z.enum(DUES_CATEGORY_LIST as [DuesCategory, ...DuesCategory[]]);

const rate = z.object({ memberId: uuid, from: month, amountFen: z.number().int(), category, baseFen: z.number().int().nullable() });
const collectionRate = z.object({ label: z.string(), dueFen: z.number().int(), paidFen: z.number().int(), rate: z.string().nullable() });
const collection = z.object({ months: z.array(collectionRate), total: collectionRate });
const ledgerRow = z.object({
  memberId: uuid, month, dueFen: z.number().int(), paidFen: z.number().int(), paidOn: isoDate.nullable(), paymentIds: z.array(z.string()),
  status: z.enum(['notDue', 'paid', 'partial', 'unpaid']),
});
const ledger = z.object({
  orgId: uuid, orgName: z.string(), year: z.number().int(),
  lines: z.array(z.object({
    memberId: uuid, name: z.string(), orgId: uuid, categoryLabel: z.string().nullable(), monthlyFen: z.number().int(),
    months: z.array(ledgerRow), paidFen: z.number().int(), owedFen: z.number().int(),
  })),
  collection,
});

export function duesRoutes(app: AppContext, today: () => string): FastifyPluginAsyncZod {
  return async (f) => {
    f.get('/api/dues/ledger', {
      schema: { tags: ['dues'], summary: '党费台账（每名党员每月应交、实交，金额单位：分）', querystring: z.object({ orgId: uuid, year }), response: { 200: ledger } },
    }, async (req) => {
      const actor = actorOf(req);
      const org = await scopedOrg(app, actor, req.query.orgId);
      return duesLedger(app, actor, org, req.query.year, today());
    });

    f.get('/api/dues/ledger/export', {
      schema: { tags: ['dues'], summary: '导出党费收缴台账 .xlsx', querystring: z.object({ orgId: uuid, year }) },
    }, async (req, reply) => {
      const actor = actorOf(req);
      const org = await scopedOrg(app, actor, req.query.orgId);
      const { bytes, filename } = await exportDuesLedger(app, actor, org, req.query.year, today());
      return reply.header('content-type', XLSX_MIME).header('content-disposition', attachment(filename, 'dues-ledger.xlsx')).send(bytes);
    });

    f.get('/api/dues/collection', {
      schema: { tags: ['dues'], summary: '党费收缴率（按月、全年）', querystring: z.object({ orgId: uuid, year }), response: { 200: collection } },
    }, async (req) => {
      const actor = actorOf(req);
      const org = await scopedOrg(app, actor, req.query.orgId);
      return duesCollection(app, actor, org, req.query.year, today());
    });

    f.get('/api/dues/rates', {
      schema: { tags: ['dues'], summary: '党员的党费交纳标准（按起始月份）', querystring: z.object({ memberId: uuid }), response: { 200: z.object({ items: z.array(rate) }) } },
    }, async (req) => ({ items: await listDuesRates(app, actorOf(req), req.query.memberId) }));

    f.post('/api/dues/rates', {
      schema: {
        tags: ['dues'], summary: '设置党员每月交纳额（按2008年党费规定计算）',
        body: z.object({ memberId: uuid, from: month, category, base: money.nullable().default(null), farmerAmount: money.optional() }).strict(),
        response: { 200: z.object({ rate, calculation: z.object({ amount: z.string(), rate: z.string().nullable(), ruleId: z.string(), ruleText: z.string() }) }) },
      },
    }, async (req) => {
      const { memberId, ...input } = req.body;
      const r = await setDuesRate(app, actorOf(req), memberId, input);
      return { rate: r.rate, calculation: { amount: r.calculation.amount, rate: r.calculation.rate, ruleId: r.calculation.ruleId, ruleText: r.calculation.ruleText } };
    });

    f.post('/api/dues/payments', {
      schema: {
        tags: ['dues'], summary: '登记党费交纳（可一次交多个月）',
        body: z.object({ memberId: uuid, months: z.array(month).min(1).max(24), amount: money.optional(), paidOn: isoDate }).strict(),
        response: { 201: z.object({ items: z.array(z.object({ id: uuid, memberId: uuid, month, amountFen: z.number().int(), paidOn: isoDate })) }) },
      },
    }, async (req, reply) => {
      const { memberId, ...input } = req.body;
      const items = await recordDuesPayments(app, actorOf(req), memberId, input, today());
      return reply.status(201).send({ items });
    });
  };
}
