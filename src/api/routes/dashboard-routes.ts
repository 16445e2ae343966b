/** /api/dashboard: an organization's figures for a year. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { scopedOrg } from '../../app/access.ts';
import type { AppContext } from '../../app/context.ts';
import { dashboardFor } from '../../app/dashboard-service.ts';
import { actorOf } from '../auth.ts';
import { uuid } from '../schemas.ts';

const count = z.number().int();

export function dashboardRoutes(app: AppContext, today: () => string): FastifyPluginAsyncZod {
  return async (f) => {
    f.get('/api/dashboard', {
      schema: {
        tags: ['statistics'], summary: '组织看板（按月活动、出勤率、学时分布、发展党员）',
        querystring: z.object({ orgId: uuid, year: z.coerce.number().int().min(1921).max(2200) }),
        response: {
          200: z.object({
            monthly: z.array(z.object({ month: z.number().int().min(1).max(12), kind: z.string(), count })),
            attendanceRate: z.number(),
            studyHours: z.object({ buckets: z.array(z.object({ label: z.string(), count })), average: z.number() }),
            development: z.object({ applied: count, activist: count, candidate: count, admittedProbationary: count, becameFull: count }),
            members: z.object({ full: count, probationary: count }),
            branches: z.array(z.object({ orgId: uuid, name: z.string(), activities: count, attendanceRate: z.number(), averageStudyHours: z.number(), members: count })),
          }),
        },
      },
    }, async (req) => {
      const actor = actorOf(req);
      return dashboardFor(app, actor, await scopedOrg(app, actor, req.query.orgId), req.query.year, today());
    });
  };
}
