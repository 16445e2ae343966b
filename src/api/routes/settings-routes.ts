/**
 * /api/orgs/:id/regulation-settings: an organization's per-unit regulation settings
 * (regulations.md §11 open points): the effective values, its own overrides and those it
 * inherits from its ancestors; PUT replaces its own overrides (validated field by field).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { scopedOrg } from '../../app/access.ts';
import type { AppContext } from '../../app/context.ts';
import { replaceSettings, settingsView } from '../../app/settings-service.ts';
import { regulationSettingsSchema, settingsOverridesSchema } from '../../domain/regulations/settings-schema.ts';
import { actorOf } from '../auth.ts';
import { uuid } from '../schemas.ts';

const view = z.object({
  effective: regulationSettingsSchema,
  own: settingsOverridesSchema,
  inherited: z.array(z.object({ orgId: uuid.nullable(), name: z.string(), overrides: settingsOverridesSchema })),
  sources: z.record(z.string(), z.enum(['default', 'own', 'inherited'])),
});

export function settingsRoutes(app: AppContext): FastifyPluginAsyncZod {
  return async (f) => {
    f.get('/api/orgs/:id/regulation-settings', {
      schema: { tags: ['organizations'], summary: '组织的党内法规检查设置：生效值、本组织设置、继承自上级的设置', params: z.object({ id: uuid }), response: { 200: view } },
    }, async (req) => {
      const actor = actorOf(req);
      return settingsView(app, actor, await scopedOrg(app, actor, req.params.id));
    });

    f.put('/api/orgs/:id/regulation-settings', {
      schema: {
        tags: ['organizations'], summary: '替换本组织的检查设置（只写要改的项；{} 为全部恢复继承）',
        params: z.object({ id: uuid }), body: z.record(z.string(), z.unknown()), response: { 200: view },
      },
    }, async (req) => {
      const actor = actorOf(req);
      // The body is validated by the settings schema in the use case, whose messages name each field.
      return replaceSettings(app, actor, await scopedOrg(app, actor, req.params.id), req.body);
    });
  };
}
