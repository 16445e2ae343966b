/**
 * /api/compliance: the regulations engine's view of an organization and its subtree for a year:
 * findings (each citing its rule), what is due within 30 days or overdue, and per organization
 * what is open (for a 党委), plus the dues collection when dues are kept.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { scopedOrg } from '../../app/access.ts';
import { complianceView } from '../../app/check-service.ts';
import type { AppContext } from '../../app/context.ts';
import { actorOf } from '../auth.ts';
import { isoDate, uuid } from '../schemas.ts';
import { unreadableRecord } from '../../contract/development.ts';

const finding = z.object({ ruleId: z.string(), severity: z.enum(['error', 'warning']), orgId: uuid, period: z.string(), message: z.string(), recordIds: z.array(z.string()), citation: z.string() });
const due = z.object({ ruleId: z.string(), orgId: uuid, subject: z.string(), earliest: isoDate.nullable(), latest: isoDate, message: z.string(), recordIds: z.array(z.string()) });
const collectionRate = z.object({ label: z.string(), dueFen: z.number().int(), paidFen: z.number().int(), rate: z.string().nullable() });

export function complianceRoutes(app: AppContext, today: () => string): FastifyPluginAsyncZod {
  return async (f) => {
    f.get('/api/compliance', {
      schema: {
        tags: ['compliance'], summary: '对照党内法规检查：问题清单、30天内到期事项、各组织待办',
        querystring: z.object({ orgId: uuid, year: z.coerce.number().int().min(1921).max(2200) }),
        response: {
          200: z.object({
            orgId: uuid, year: z.number().int(), today: isoDate,
            findings: z.array(finding), dues: z.array(due),
            byOrg: z.array(z.object({ orgId: uuid, name: z.string(), errors: z.number().int(), warnings: z.number().int(), byRule: z.record(z.string(), z.number().int()), dues: z.number().int() })),
            duesCollection: z.object({ months: z.array(collectionRate), total: collectionRate }).nullable(),
            /** Stored records left out because they cannot be read (the rest of the check still stands). */
            unreadable: z.array(unreadableRecord),
          }),
        },
      },
    }, async (req) => {
      const actor = actorOf(req);
      const org = await scopedOrg(app, actor, req.query.orgId);
      const t = today();
      const r = await complianceView(app, actor, org, req.query.year, t);
      return { orgId: org.id, year: req.query.year, today: t, ...r };
    });
  };
}
