/** /api/activities: record, edit, list, read and delete activities with attendance. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { deleteActivity, listActivities, readActivity, recordActivity, updateActivity } from '../../app/activity-service.ts';
import type { AppContext } from '../../app/context.ts';
import { scopedOrg } from '../../app/access.ts';
import { ACTIVITY_KINDS, ACTIVITY_STATUSES, activity, activityInput, activityListQuery, activityPage, activityUpdate } from '../../contract/activities.ts';
import { uuid } from '../../contract/common.ts';
import { actorOf } from '../auth.ts';

export function activityRoutes(app: AppContext, today: () => string, now: () => Date = () => new Date()): FastifyPluginAsyncZod {
  return async (f) => {
    f.get('/api/activities', {
      schema: { tags: ['activities'], summary: '活动列表（按类型、状态、日期范围、主题筛选，可排序，分页）', querystring: activityListQuery, response: { 200: activityPage } },
    }, async (req) => {
      const { orgId, ...q } = req.query;
      const actor = actorOf(req);
      const org = await scopedOrg(app, actor, orgId);
      const page = await listActivities(app, actor, org, q);
      return { total: page.total, items: page.items.map((a) => ({ ...a, kindLabel: ACTIVITY_KINDS[a.kind], statusLabel: ACTIVITY_STATUSES[a.status] })) };
    });

    f.get('/api/activities/:id', {
      schema: { tags: ['activities'], summary: '一条活动记录（含议题和出勤）', params: z.object({ id: uuid }), response: { 200: activity } },
    }, async (req) => {
      const a = await readActivity(app, actorOf(req), req.params.id);
      return { ...a, status: a.status ?? 'held' };
    });

    f.post('/api/activities', {
      schema: { tags: ['activities'], summary: '登记活动（议题、出勤一并保存；疑似重复时 409，allowDuplicate 仍然保存）', body: activityInput, response: { 201: activity } },
    }, async (req, reply) => {
      const { orgId, allowDuplicate, ...input } = req.body;
      const actor = actorOf(req);
      const org = await scopedOrg(app, actor, orgId);
      const saved = await recordActivity(app, actor, org, input, today(), { allowDuplicate, now: now() });
      return reply.status(201).send({ ...saved, status: saved.status ?? 'held' });
    });

    f.put('/api/activities/:id', {
      schema: { tags: ['activities'], summary: '修改活动记录（整条替换，出勤一并保存，留修改记录）', params: z.object({ id: uuid }), body: activityUpdate, response: { 200: activity } },
    }, async (req) => {
      const { allowDuplicate, ...input } = req.body;
      const saved = await updateActivity(app, actorOf(req), req.params.id, input, today(), { allowDuplicate, now: now() });
      return { ...saved, status: saved.status ?? 'held' };
    });

    f.delete('/api/activities/:id', {
      schema: { tags: ['activities'], summary: '删除活动记录（进入回收站，30 天内可恢复）', params: z.object({ id: uuid }), response: { 204: z.null() } },
    }, async (req, reply) => {
      await deleteActivity(app, actorOf(req), req.params.id, now());
      return reply.status(204).send(null);
    });
  };
}
