/** /api/members: members with masked personal data; edit, roster import (preview first) and export. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { scopedOrg } from '../../app/access.ts';
import type { AppContext } from '../../app/context.ts';
import { importRosterInto, previewRosterImport } from '../../app/import-service.ts';
import { exportRoster, listMembersOf, readMember, updateMember, type MemberPatch } from '../../app/member-service.ts';
import { ValidationError } from '../../domain/errors.ts';
import { UPLOAD_LIMITS } from '../../contract/uploads.ts';
import { actorOf } from '../auth.ts';
import { memberListItem, memberPatch, rosterPreview, uuid, XLSX_MIME } from '../schemas.ts';

function xlsxBody(body: unknown): Buffer {
  if (!Buffer.isBuffer(body) || body.length === 0) {
    throw new ValidationError(`请求体应为 .xlsx 文件（content-type: ${XLSX_MIME}）`, [{ field: 'body', message: '不是 .xlsx 文件' }]);
  }
  return body;
}

/** `attachment` with a Chinese file name (RFC 6266 filename*) and an ASCII fallback. */
export function attachment(name: string, fallback: string): string {
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export function memberRoutes(app: AppContext, today: () => string): FastifyPluginAsyncZod {
  return async (f) => {
    f.addContentTypeParser(XLSX_MIME, { parseAs: 'buffer', bodyLimit: UPLOAD_LIMITS.rosterBytes }, (_req, body, done) => done(null, body));

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
      const actor = actorOf(req);
      const org = await scopedOrg(app, actor, orgId);
      return { items: await listMembersOf(app, actor, org, filter) };
    });

    f.get('/api/members/export', {
      schema: { tags: ['members'], summary: '导出花名册 .xlsx（个人信息已脱敏）', querystring: z.object({ orgId: uuid }) },
    }, async (req, reply) => {
      const actor = actorOf(req);
      const org = await scopedOrg(app, actor, req.query.orgId);
      const { bytes, filename } = await exportRoster(app, actor, org);
      return reply.header('content-type', XLSX_MIME).header('content-disposition', attachment(filename, 'roster.xlsx')).send(bytes);
    });

    f.post('/api/members/import/preview', {
      schema: { tags: ['members'], summary: '花名册导入预览（不保存）', querystring: z.object({ orgId: uuid }), response: { 200: rosterPreview } },
    }, async (req) => {
      const actor = actorOf(req);
      const org = await scopedOrg(app, actor, req.query.orgId);
      return previewRosterImport(app, actor, org, xlsxBody(req.body), today());
    });

    f.post('/api/members/import', {
      schema: { tags: ['members'], summary: '导入花名册（全部成功才保存）', querystring: z.object({ orgId: uuid }), response: { 200: z.object({ count: z.number().int() }) } },
    }, async (req) => {
      const actor = actorOf(req);
      const org = await scopedOrg(app, actor, req.query.orgId);
      return importRosterInto(app, actor, org, xlsxBody(req.body), today());
    });

    f.get('/api/members/:id', {
      schema: { tags: ['members'], summary: '一名党员（脱敏）', params: z.object({ id: uuid }), response: { 200: memberListItem } },
    }, async (req) => readMember(app, actorOf(req), req.params.id));

    f.put('/api/members/:id', {
      schema: { tags: ['members'], summary: '修改党员信息', params: z.object({ id: uuid }), body: memberPatch, response: { 200: memberListItem } },
    }, async (req) => updateMember(app, actorOf(req), req.params.id, req.body as MemberPatch, today()));
  };
}
