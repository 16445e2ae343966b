/** /api/stats and /api/reports: facts for a period, and the summary draft as docx/md/json. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { periodFrom, periodLabel } from '../../domain/common/period.ts';
import { SUMMARY_KINDS } from '../../domain/report/document.ts';
import type { AppContext } from '../../app/context.ts';
import { scopedOrg } from '../../app/access.ts';
import { actorOf } from '../auth.ts';
import { draftSummary, factsFor, renderDraft } from '../../app/report-service.ts';
import { fact, isoDate, periodQuery, uuid } from '../schemas.ts';

export function reportRoutes(app: AppContext, today: () => string): FastifyPluginAsyncZod {
  return async (f) => {
    f.get('/api/stats', {
      schema: {
        tags: ['statistics'], summary: '组织在某时段的统计事实（每个数字附来源记录）',
        querystring: periodQuery.extend({ orgId: uuid, subtree: z.enum(['true', 'false']).default('true') }),
        response: { 200: z.object({ orgId: uuid, period: z.string(), from: isoDate, to: isoDate, asOf: isoDate, facts: z.array(fact) }) },
      },
    }, async (req) => {
      const { orgId, subtree, ...spec } = req.query;
      const org = await scopedOrg(app, actorOf(req), orgId);
      const period = periodFrom(spec);
      const facts = await factsFor(app, org, period, subtree === 'true');
      return { orgId, period: periodLabel(period), from: period.from, to: period.to, asOf: facts.asOf, facts: Object.values(facts.facts) };
    });

    f.post('/api/reports', {
      schema: {
        tags: ['reports'], summary: '生成工作总结草稿（docx / md / json）',
        body: periodQuery.extend({
          orgId: uuid,
          kind: z.enum(SUMMARY_KINDS as [string, ...string[]]).optional(),
          format: z.enum(['docx', 'md', 'json']).default('docx'),
          signoffDate: isoDate.optional(),
        }),
      },
    }, async (req, reply) => {
      const { orgId, kind, format, signoffDate, ...spec } = req.body;
      const org = await scopedOrg(app, actorOf(req), orgId);
      const { draft } = await draftSummary(app, { org, period: periodFrom(spec), kind: kind as never, signoffDate, today: today() });
      const out = await renderDraft(draft, format);
      const filename = encodeURIComponent(`${draft.title}.${out.ext}`);
      return reply
        .header('content-type', out.mime)
        .header('content-disposition', `attachment; filename="summary.${out.ext}"; filename*=UTF-8''${filename}`)
        .send(out.bytes);
    });
  };
}
