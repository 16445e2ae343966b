/** /api/personal-data-log: the append-only log of reads and changes of personal data (system administrator only). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app/context.ts';
import { readPersonalDataLog } from '../../app/personal-data-log-service.ts';
import { personalDataLogPage, personalDataLogQuery } from '../../contract/personal-data-log.ts';
import { actorOf } from '../auth.ts';

export function personalDataLogRoutes(app: AppContext): FastifyPluginAsyncZod {
  return async (f) => {
    f.get('/api/personal-data-log', {
      schema: {
        tags: ['personal-data-log'], summary: '个人信息访问日志：谁、何时、从何处查看或修改了哪些党员的哪些个人信息（新到旧，仅系统管理员）',
        querystring: personalDataLogQuery, response: { 200: personalDataLogPage },
      },
    }, async (req) => readPersonalDataLog(app, actorOf(req), req.query));
  };
}
