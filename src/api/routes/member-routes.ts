/** /api/members: members with masked personal data. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listMembersOf, readMember } from '../../app/member-service.ts';
import type { AppContext } from '../../app/context.ts';
import { resolveOrg } from '../../app/org-service.ts';
import { memberListItem, uuid } from '../schemas.ts';

export function memberRoutes(app: AppContext): FastifyPluginAsyncZod {
  return async (f) => {
    f.get('/api/members', {
      schema: {
        tags: ['members'], summary: '党员名单（个人信息已脱敏）',
        querystring: z.object({
          orgId: uuid,
          search: z.string().trim().max(50).optional(),
          category: z.enum(['full', 'probationary']).optional(),
          status: z.enum(['normal', 'mobile', 'transferredOut', 'suspended', 'removed', 'deceased']).optional(),
          subgroupId: uuid.optional(),
        }),
        response: { 200: z.object({ items: z.array(memberListItem) }) },
      },
    }, async (req) => {
      const { orgId, ...filter } = req.query;
      const org = await resolveOrg(app, orgId);
      return { items: await listMembersOf(app, org, filter) };
    });

    f.get('/api/members/:id', {
      schema: { tags: ['members'], summary: '一名党员（脱敏）', params: z.object({ id: uuid }), response: { 200: memberListItem } },
    }, async (req) => readMember(app, req.params.id));
  };
}
