/** /api/orgs: the organization tree (the caller's subtree). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ORG_TYPES } from '../../domain/org/org.ts';
import { listOrgsFor, readOrg } from '../../app/org-service.ts';
import { actorOf } from '../auth.ts';
import type { AppContext } from '../../app/context.ts';
import { organization, uuid } from '../schemas.ts';

export function orgRoutes(app: AppContext): FastifyPluginAsyncZod {
  return async (f) => {
    f.get('/api/orgs', {
      schema: { tags: ['organizations'], summary: '组织树（按路径排序）', response: { 200: z.object({ items: z.array(organization) }) } },
    }, async (req) => ({ items: (await listOrgsFor(app, actorOf(req))).map((o) => ({ ...o, typeLabel: ORG_TYPES[o.type] })) }));

    f.get('/api/orgs/:id', {
      schema: { tags: ['organizations'], summary: '一个组织', params: z.object({ id: uuid }), response: { 200: organization } },
    }, async (req) => {
      const o = await readOrg(app, actorOf(req), req.params.id);
      return { ...o, typeLabel: ORG_TYPES[o.type] };
    });
  };
}
