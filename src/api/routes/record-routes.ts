/** /api/records: short descriptions of the records behind a number (the summary's number popover). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/context.ts';
import { describeRecords } from '../../app/record-service.ts';
import { actorOf } from '../auth.ts';

const ref = z.string().regex(/^(activity|member|developmentEvent|developmentCase|organization):[0-9a-f-]{36}$/i, '应为 type:id');

export function recordRoutes(app: AppContext): FastifyPluginAsyncZod {
  return async (f) => {
    f.get('/api/records', {
      schema: {
        tags: ['statistics'], summary: '数字背后的记录（activity / member / developmentEvent / organization）',
        querystring: z.object({ ids: z.string().max(20000).transform((s) => s.split(',').filter(Boolean)).pipe(z.array(ref).min(1).max(200)) }),
        response: { 200: z.array(z.object({ type: z.string(), id: z.string(), label: z.string(), date: z.string().optional(), url: z.string().nullable() })) },
      },
    }, async (req) => describeRecords(app, actorOf(req), req.query.ids.map((s) => {
      const i = s.indexOf(':');
      return { type: s.slice(0, i) as never, id: s.slice(i + 1) };
    })));
  };
}
