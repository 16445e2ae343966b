/** /api/members/:id/membership: 组织关系转接, 出党, 死亡, 停止党籍 and 转入, each with its date. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/context.ts';
import { endMembership, startMembership } from '../../app/membership-service.ts';
import { uuid } from '../../contract/common.ts';
import { membershipAnswer, membershipEndRequest, membershipStartRequest } from '../../contract/membership.ts';
import { actorOf } from '../auth.ts';

export function membershipRoutes(app: AppContext, today: () => string): FastifyPluginAsyncZod {
  return async (f) => {
    f.post('/api/members/:id/membership/end', {
      schema: {
        tags: ['members'], summary: '转出组织关系、出党、死亡或停止党籍（当天起不再计入本组织）',
        params: z.object({ id: uuid }), body: membershipEndRequest, response: { 200: membershipAnswer },
      },
    }, async (req) => endMembership(app, actorOf(req), req.params.id, req.body, today()));

    f.post('/api/members/:id/membership/start', {
      schema: {
        tags: ['members'], summary: '转入：不在任何名册上的党员加入党支部',
        params: z.object({ id: uuid }), body: membershipStartRequest, response: { 200: membershipAnswer },
      },
    }, async (req) => startMembership(app, actorOf(req), req.params.id, req.body, today()));
  };
}
