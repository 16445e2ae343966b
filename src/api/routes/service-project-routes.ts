/**
 * /api/service-projects: 我为群众办实事 projects (managers, in scope) and their evaluation link;
 * /api/public/evaluations/:token: the public 群众评议 — no login, one answer per device (a device
 * cookie set on first view), rate-limited per address.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { scopedOrg } from '../../app/access.ts';
import type { AppContext } from '../../app/context.ts';
import {
  editServiceProject, evaluate, evaluationLink, listServiceProjectsOf, publicProject, recordServiceProject, removeServiceProject,
} from '../../app/service-project-service.ts';
import { evaluationInput, evaluationLink as linkSchema, publicProject as publicSchema, serviceProjectFields, serviceProjectInput, serviceProjectView } from '../../contract/service-projects.ts';
import { actorOf } from '../auth.ts';
import { uuid } from '../schemas.ts';

export const DEVICE_COOKIE = 'zhibu_device';

function deviceCookie(req: FastifyRequest, reply: FastifyReply): string | null {
  const have = req.cookies[DEVICE_COOKIE];
  if (have && /^[A-Za-z0-9_-]{16,64}$/.test(have)) return have;
  // A year-long random id: the page's answer is counted once per device.
  reply.setCookie(DEVICE_COOKIE, randomBytes(18).toString('base64url'), { httpOnly: true, sameSite: 'lax', path: '/', secure: req.protocol === 'https', maxAge: 365 * 24 * 3600 });
  return null;
}

const token = z.string().trim().min(8).max(100).regex(/^[A-Za-z0-9_-]+$/);

export function serviceProjectRoutes(app: AppContext, today: () => string, now: () => Date): FastifyPluginAsyncZod {
  return async (f) => {
    f.get('/api/service-projects', {
      schema: { tags: ['service-projects'], summary: '“我为群众办实事”项目（含下级组织）', querystring: z.object({ orgId: uuid }), response: { 200: z.object({ items: z.array(serviceProjectView) }) } },
    }, async (req) => {
      const actor = actorOf(req);
      return { items: await listServiceProjectsOf(app, actor, await scopedOrg(app, actor, req.query.orgId)) };
    });

    f.post('/api/service-projects', {
      schema: { tags: ['service-projects'], summary: '登记办实事项目', body: serviceProjectInput, response: { 201: serviceProjectView } },
    }, async (req, reply) => {
      const { orgId, ...input } = req.body;
      const actor = actorOf(req);
      return reply.status(201).send(await recordServiceProject(app, actor, await scopedOrg(app, actor, orgId), input));
    });

    f.put('/api/service-projects/:id', {
      schema: { tags: ['service-projects'], summary: '修改办实事项目（办结须填写办结日期）', params: z.object({ id: uuid }), body: serviceProjectFields, response: { 200: serviceProjectView } },
    }, async (req) => editServiceProject(app, actorOf(req), req.params.id, req.body));

    f.delete('/api/service-projects/:id', {
      schema: { tags: ['service-projects'], summary: '删除办实事项目（评议一并删除）', params: z.object({ id: uuid }), response: { 204: z.null() } },
    }, async (req, reply) => {
      await removeServiceProject(app, actorOf(req), req.params.id);
      return reply.status(204).send(null);
    });

    f.get('/api/service-projects/:id/evaluation-link', {
      schema: { tags: ['service-projects'], summary: '群众评议链接和二维码', params: z.object({ id: uuid }), response: { 200: linkSchema } },
    }, async (req) => evaluationLink(app, actorOf(req), req.params.id, (path) => `${req.protocol}://${req.host}${path}`));

    f.get('/api/public/evaluations/:token', {
      config: { auth: false },
      schema: { tags: ['service-projects'], summary: '群众评议页：项目（无需登录）', params: z.object({ token }), response: { 200: publicSchema } },
    }, async (req, reply) => {
      deviceCookie(req, reply);
      return publicProject(app, req.params.token);
    });

    f.post('/api/public/evaluations/:token', {
      config: { auth: false },
      schema: {
        tags: ['service-projects'], summary: '提交群众评议（匿名，每台设备每个项目一次，限频）', params: z.object({ token }), body: evaluationInput,
        response: { 201: z.object({ accepted: z.literal(true) }) },
      },
    }, async (req, reply) => {
      const cookie = deviceCookie(req, reply);
      const r = await evaluate(app, req.params.token, req.body, { deviceCookie: cookie, address: req.ip, userAgent: String(req.headers['user-agent'] ?? '') }, today(), now());
      return reply.status(201).send(r);
    });
  };
}
