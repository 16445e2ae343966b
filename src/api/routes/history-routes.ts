/** /api/history (修改记录 of one record) and /api/recycle-bin (回收站: list and restore). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/context.ts';
import { scopedOrg } from '../../app/access.ts';
import { listRecycleBin, recordHistory } from '../../app/history-service.ts';
import { restoreFromRecycleBin } from '../../app/recycle-bin-service.ts';
import { uuid } from '../../contract/common.ts';
import { historyQuery, recordChange, recycleBinItem, recycleBinQuery, restoredRecord } from '../../contract/history.ts';
import { actorOf } from '../auth.ts';

export function historyRoutes(app: AppContext, now: () => Date = () => new Date()): FastifyPluginAsyncZod {
  return async (f) => {
    f.get('/api/history', {
      schema: { tags: ['history'], summary: '一条记录的修改记录（谁、何时、改前改后），新到旧', querystring: historyQuery, response: { 200: z.array(recordChange) } },
    }, async (req) => recordHistory(app, actorOf(req), req.query.type, req.query.id));

    f.get('/api/recycle-bin', {
      schema: { tags: ['history'], summary: '回收站：本组织及下级 30 天内删除的记录', querystring: recycleBinQuery, response: { 200: z.array(recycleBinItem) } },
    }, async (req) => {
      const actor = actorOf(req);
      return listRecycleBin(app, actor, await scopedOrg(app, actor, req.query.orgId), now());
    });

    f.post('/api/recycle-bin/:id/restore', {
      schema: { tags: ['history'], summary: '从回收站恢复一条记录', params: z.object({ id: uuid }), response: { 200: restoredRecord } },
    }, async (req) => restoreFromRecycleBin(app, actorOf(req), req.params.id, now()));
  };
}
