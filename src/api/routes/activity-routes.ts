/** /api/activities: record, list, read and delete activities with attendance. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ACTIVITY_KINDS, type ActivityKind } from '../../domain/activity/activity.ts';
import { deleteActivity, listActivities, readActivity, recordActivity } from '../../app/activity-service.ts';
import type { AppContext } from '../../app/context.ts';
import { scopedOrg } from '../../app/access.ts';
import { actorOf } from '../auth.ts';
import { activity, activityInput, activityKind, activityListItem, isoDate, uuid } from '../schemas.ts';

export function activityRoutes(app: AppContext, today: () => string): FastifyPluginAsyncZod {
  return async (f) => {
    f.get('/api/activities', {
      schema: {
        tags: ['activities'], summary: '活动列表（新到旧，分页）',
        querystring: z.object({
          orgId: uuid, from: isoDate.optional(), to: isoDate.optional(), kind: activityKind.optional(),
          limit: z.coerce.number().int().min(1).max(200).default(25), offset: z.coerce.number().int().min(0).default(0),
        }),
        response: { 200: z.object({ total: z.number().int(), items: z.array(activityListItem) }) },
      },
    }, async (req) => {
      const { orgId, kind, ...rest } = req.query;
      const actor = actorOf(req);
      const org = await scopedOrg(app, actor, orgId);
      const page = await listActivities(app, actor, org, { ...rest, kind: kind as ActivityKind | undefined });
      return { total: page.total, items: page.items.map((a) => ({ ...a, kindLabel: ACTIVITY_KINDS[a.kind] })) };
    });

    f.get('/api/activities/:id', {
      schema: { tags: ['activities'], summary: '一条活动记录（含议题和出勤）', params: z.object({ id: uuid }), response: { 200: activity } },
    }, async (req) => readActivity(app, actorOf(req), req.params.id));

    f.post('/api/activities', {
      schema: { tags: ['activities'], summary: '登记活动（议题、出勤一并保存）', body: activityInput, response: { 201: activity } },
    }, async (req, reply) => {
      const { orgId, ...input } = req.body;
      const actor = actorOf(req);
      const org = await scopedOrg(app, actor, orgId);
      const saved = await recordActivity(app, actor, org, { ...input, kind: input.kind as ActivityKind }, today());
      return reply.status(201).send(saved);
    });

    f.delete('/api/activities/:id', {
      schema: { tags: ['activities'], summary: '删除活动记录', params: z.object({ id: uuid }), response: { 204: z.null() } },
    }, async (req, reply) => {
      await deleteActivity(app, actorOf(req), req.params.id);
      return reply.status(204).send(null);
    });
  };
}
