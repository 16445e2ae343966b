/** Sign-in by QR code: open a code for a meeting's window; a member scans it; the secretary sees and decides. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/context.ts';
import { decideSignIn, listSignIns, openSignIn, signIn } from '../../app/sign-in-service.ts';
import { uuid } from '../../contract/common.ts';
import { signInList, signInOpenRequest, signInRequest, signInResult, signInScanParams, signInTicket } from '../../contract/sign-in.ts';
import { actorOf } from '../auth.ts';

/**
 * `publicUrl` (ZHIBU_PUBLIC_URL) is the base of the QR link; unset, the request's Host header is
 * (never a proxy's X-Forwarded-Host, which a client could set).
 */
export function signInRoutes(app: AppContext, now: () => Date, publicUrl?: string): FastifyPluginAsyncZod {
  return async (f) => {
    f.post('/api/activities/:id/sign-in', {
      schema: {
        tags: ['activities'], summary: '生成会议签到二维码（会议开始前1小时至开始后3小时内有效，可调整）', params: z.object({ id: uuid }),
        body: signInOpenRequest, response: { 200: signInTicket },
      },
    }, async (req) => openSignIn(app, actorOf(req), req.params.id, now(), (token) => `${publicUrl ?? `${req.protocol}://${req.headers.host}`}/sign-in?token=${encodeURIComponent(token)}`, req.body));

    f.get('/api/activities/:id/sign-ins', {
      schema: { tags: ['activities'], summary: '会议签到情况（实时，含待确认/列席）', params: z.object({ id: uuid }), response: { 200: signInList } },
    }, async (req) => listSignIns(app, actorOf(req), req.params.id));

    f.post('/api/activities/:id/sign-ins/:scanId/confirm', {
      schema: { tags: ['activities'], summary: '确认一条待确认签到', params: signInScanParams, response: { 200: signInList } },
    }, async (req) => decideSignIn(app, actorOf(req), req.params.id, req.params.scanId, true));

    f.post('/api/activities/:id/sign-ins/:scanId/reject', {
      schema: { tags: ['activities'], summary: '不予确认一条待确认签到', params: signInScanParams, response: { 200: signInList } },
    }, async (req) => decideSignIn(app, actorOf(req), req.params.id, req.params.scanId, false));

    f.post('/api/sign-in', {
      schema: { tags: ['activities'], summary: '党员扫码签到', body: signInRequest, response: { 200: signInResult } },
    }, async (req) => signIn(app, actorOf(req), req.body.token, now()));
  };
}
