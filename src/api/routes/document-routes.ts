/**
 * /api/documents: read and proofread (审校) an existing summary uploaded as .docx or plain text;
 * with an organization, its statistics are also compared with the records (issue 5).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { analysisToJson } from '../../domain/analysis/analyze.ts';
import { FINDING_KINDS } from '../../domain/analysis/types.ts';
import { summaryRow, TABLE_COLUMNS } from '../../domain/analysis/table.ts';
import { renderAnalysisTable } from '../../render/xlsx-analysis.ts';
import { periodFrom } from '../../domain/common/period.ts';
import { ValidationError } from '../../domain/errors.ts';
import { assertRole, MANAGERS, scopedOrg } from '../../app/access.ts';
import { checkUpload, readUpload } from '../../app/analysis-service.ts';
import { UPLOAD_LIMITS } from '../../contract/uploads.ts';
import type { AppContext } from '../../app/context.ts';
import { actorOf } from '../auth.ts';
import { uuid } from '../schemas.ts';

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const finding = z.object({
  kind: z.enum(FINDING_KINDS as [string, ...string[]]), severity: z.enum(['error', 'warning', 'info']),
  offset: z.number().int(), length: z.number().int(), line: z.number().int(), column: z.number().int(),
  message: z.string(), suggestion: z.string().nullable(),
});

const analysisJson = z.object({
  title: z.string().nullable(), org: z.string().nullable(), year: z.number().nullable(), period: z.string().nullable(),
  outline: z.array(z.object({ level: z.number().int(), marker: z.string(), text: z.string() })),
  sections: z.object({ results: z.string().nullable(), problems: z.string().nullable(), plans: z.string().nullable() }),
  metrics: z.array(z.object({ quote: z.string(), value: z.number().nullable(), unit: z.string(), what: z.string() })),
  placeholders: z.array(z.object({ text: z.string(), offset: z.number().int() })),
});

const periodKey = z.enum(['annual', 'half-year', 'Q1', 'Q2', 'Q3', 'Q4', 'other']);

/** One row of the collected-summaries table (src/domain/analysis/table.ts). */
const summaryRowSchema = z.object({
  file: z.string().max(300),
  title: z.string().max(300).nullable(),
  org: z.string().max(200).nullable(),
  year: z.number().int().nullable(),
  period: periodKey.nullable(),
  stats: z.partialRecord(z.enum(TABLE_COLUMNS.map((c) => c.key) as [string, ...string[]]), z.number().nullable()),
  otherStats: z.array(z.string().max(500)).max(500),
  placeholders: z.number().int().min(0),
});

/** The uploaded body and its kind; ValidationError when it is empty or of another type. */
function uploaded(req: { body: unknown; headers: Record<string, unknown> }): { bytes: Buffer; kind: 'docx' | 'text' } {
  const body = req.body;
  if (!Buffer.isBuffer(body) || body.length === 0) {
    throw new ValidationError('请上传 .docx 文件或纯文本', [{ field: 'body', message: `内容类型应为 ${DOCX_MIME} 或 text/plain` }]);
  }
  return { bytes: body, kind: String(req.headers['content-type'] ?? '').startsWith(DOCX_MIME) ? 'docx' : 'text' };
}

export function documentRoutes(app: AppContext): FastifyPluginAsyncZod {
  return async (f) => {
    f.addContentTypeParser(DOCX_MIME, { parseAs: 'buffer', bodyLimit: UPLOAD_LIMITS.docxBytes }, (_req, body, done) => done(null, body));
    f.addContentTypeParser('text/plain', { parseAs: 'buffer', bodyLimit: UPLOAD_LIMITS.textBytes }, (_req, body, done) => done(null, body));

    f.post('/api/documents/check', {
      schema: {
        tags: ['documents'], summary: '审校一篇工作总结（.docx 或纯文本）；给出 orgId 时与记录核对数字',
        consumes: [DOCX_MIME, 'text/plain'],
        querystring: z.object({
          orgId: uuid.optional(),
          year: z.coerce.number().int().min(1921).max(2200).optional(),
          quarter: z.coerce.number().int().min(1).max(4).optional(),
          half: z.coerce.number().int().min(1).max(2).optional(),
        }),
        response: {
          200: z.object({
            analysis: analysisJson,
            /** The text as read (a .docx as one line per paragraph): findings' offsets point into it. */
            text: z.string(),
            findings: z.array(finding),
          }),
        },
      },
    }, async (req) => {
      const actor = actorOf(req);
      assertRole(actor, MANAGERS);
      const { bytes, kind } = uploaded(req);
      const { orgId, year, quarter, half } = req.query;
      const org = orgId ? await scopedOrg(app, actor, orgId) : undefined;
      const checked = await checkUpload(app, bytes, kind, org, year !== undefined ? periodFrom({ year, quarter, half }) : undefined);
      return {
        analysis: analysisToJson(checked.analysis),
        text: checked.text,
        findings: checked.findings.map(({ kind, severity, offset, length, line, column, message, suggestion }) => ({ kind, severity, offset, length, line, column, message, suggestion })),
      };
    });

    f.post('/api/documents/analyze', {
      schema: {
        tags: ['documents'], summary: '读取一篇工作总结：标题、时段、提纲和统计数字，及其汇总表的一行',
        consumes: [DOCX_MIME, 'text/plain'],
        querystring: z.object({ name: z.string().trim().max(300).default('upload') }),
        response: { 200: z.object({ analysis: analysisJson, row: summaryRowSchema }) },
      },
    }, async (req) => {
      assertRole(actorOf(req), MANAGERS);
      const { bytes, kind } = uploaded(req);
      const { analysis } = await readUpload(bytes, kind);
      return { analysis: analysisToJson(analysis), row: summaryRow(req.query.name, analysis) };
    });

    f.post('/api/documents/table', {
      schema: {
        tags: ['documents'], summary: '把多篇总结的汇总行导出为 Excel 汇总表',
        body: z.object({ rows: z.array(summaryRowSchema).min(1).max(1000) }),
      },
    }, async (req, reply) => {
      assertRole(actorOf(req), MANAGERS);
      const bytes = await renderAnalysisTable(req.body.rows as Parameters<typeof renderAnalysisTable>[0]);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="summaries.xlsx"; filename*=UTF-8''${encodeURIComponent('工作总结汇总表.xlsx')}`)
        .send(bytes);
    });
  };
}
