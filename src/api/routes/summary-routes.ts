/** /api/summaries: saved summary drafts with paragraph edits, regeneration and export. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { scopedOrg } from '../../app/access.ts';
import type { AppContext } from '../../app/context.ts';
import { createSummary, editParagraph, exportSummary, listSummariesOf, readSummary, regenerateSummary } from '../../app/summary-service.ts';
import { SUMMARY_KINDS, type SummaryKind } from '../../domain/report/document.ts';
import { actorOf } from '../auth.ts';
import { isoDate, periodQuery, uuid } from '../schemas.ts';
import { attachment } from './member-routes.ts';

const summaryKind = z.enum(SUMMARY_KINDS as [string, ...string[]]);

// The draft is the document model (src/domain/report/document.ts); its blocks are passed through as they are.
const summary = z.object({
  id: uuid, orgId: uuid, title: z.string(), kind: summaryKind, periodLabel: z.string(),
  period: z.object({ from: isoDate, to: isoDate }),
  draft: z.looseObject({ kind: z.string(), title: z.string(), orgId: z.string(), orgName: z.string(), blocks: z.array(z.looseObject({ type: z.string() })) }),
  couldBeAdded: z.array(z.object({ factKey: z.string().nullable(), text: z.string() })),
  conflicts: z.array(z.string()),
  updatedAt: z.string(),
});

export function summaryRoutes(app: AppContext, _today: () => string, now: () => Date): FastifyPluginAsyncZod {
  return async (f) => {
    f.post('/api/summaries', {
      schema: { tags: ['summaries'], summary: '起草并保存工作总结', body: periodQuery.extend({ orgId: uuid, kind: summaryKind.optional() }), response: { 201: summary } },
    }, async (req, reply) => {
      const { orgId, kind, ...spec } = req.body;
      const actor = actorOf(req);
      const org = await scopedOrg(app, actor, orgId);
      return reply.status(201).send(await createSummary(app, actor, org, spec, kind as SummaryKind | undefined, now()));
    });

    f.get('/api/summaries', {
      schema: {
        tags: ['summaries'], summary: '已保存的总结', querystring: z.object({ orgId: uuid }),
        response: { 200: z.array(z.object({ id: uuid, title: z.string(), periodLabel: z.string(), kind: summaryKind, updatedAt: z.string() })) },
      },
    }, async (req) => {
      const actor = actorOf(req);
      return listSummariesOf(app, actor, await scopedOrg(app, actor, req.query.orgId));
    });

    f.get('/api/summaries/:id', {
      schema: { tags: ['summaries'], summary: '一份总结（已应用修改）', params: z.object({ id: uuid }), response: { 200: summary } },
    }, async (req) => readSummary(app, actorOf(req), req.params.id));

    f.put('/api/summaries/:id/paragraphs/:paragraphId', {
      schema: {
        tags: ['summaries'], summary: '修改一段的文字（数字不可改，仍与记录绑定）；null 恢复生成的文字',
        params: z.object({ id: uuid, paragraphId: z.string().min(1).max(100) }),
        body: z.object({ texts: z.array(z.string().max(2000)).max(200).nullable() }),
        response: { 200: summary },
      },
    }, async (req) => editParagraph(app, actorOf(req), req.params.id, req.params.paragraphId, req.body.texts, now()));

    f.post('/api/summaries/:id/regenerate', {
      schema: { tags: ['summaries'], summary: '按最新记录重新生成（保留未受影响段落的修改）', params: z.object({ id: uuid }), response: { 200: summary } },
    }, async (req) => regenerateSummary(app, actorOf(req), req.params.id, now()));

    f.get('/api/summaries/:id/export', {
      schema: { tags: ['summaries'], summary: '导出总结（docx / md / json）', params: z.object({ id: uuid }), querystring: z.object({ format: z.enum(['docx', 'md', 'json']).default('docx') }) },
    }, async (req, reply) => {
      const out = await exportSummary(app, actorOf(req), req.params.id, req.query.format);
      return reply.header('content-type', out.mime).header('content-disposition', attachment(out.filename, `summary.${out.ext}`)).send(out.bytes);
    });
  };
}
