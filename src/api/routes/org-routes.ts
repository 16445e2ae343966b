/** /api/orgs: the organization tree. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ORG_TYPES } from '../../domain/org/org.ts';
import { listOrgTree, resolveOrg } from '../../app/org-service.ts';
import type { AppContext } from '../../app/context.ts';
import { organization, uuid } from '../schemas.ts';

export function orgRoutes(app: AppContext): FastifyPluginAsyncZod {
  return async (f) => {
    f.get('/api/orgs', {
      schema: { tags: ['organizations'], summary: '组织树（按路径排序）', response: { 200: z.object({ items: z.array(organization) }) } },
    }, async () => ({ items: (await listOrgTree(app)).map((o) => ({ ...o, typeLabel: ORG_TYPES[o.type] })) }));

    f.get('/api/orgs/:id', {
      schema: { tags: ['organizations'], summary: '一个组织', params: z.object({ id: uuid }), response: { 200: organization } },
    }, async (req) => {
      const o = await resolveOrg(app, req.params.id);
      return { ...o, typeLabel: ORG_TYPES[o.type], depth: o.path.split('.').length - 1 };
    });
  };
}
