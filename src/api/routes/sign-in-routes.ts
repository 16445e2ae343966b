/** Sign-in by QR code: open a code for a meeting; a member signs in with it. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/context.ts';
import { openSignIn, signIn } from '../../app/sign-in-service.ts';
import { actorOf } from '../auth.ts';
import { uuid } from '../schemas.ts';

/**
 * `publicUrl` (ZHIBU_PUBLIC_URL) is the base of the QR link; unset, the request's Host header is
 * (never a proxy's X-Forwarded-Host, which a client could set).
 */
export function signInRoutes(app: AppContext, now: () => Date, publicUrl?: string): FastifyPluginAsyncZod {
  return async (f) => {
    f.post('/api/activities/:id/sign-in', {
      schema: {
        tags: ['activities'], summary: '生成会议签到二维码（2 小时内有效）', params: z.object({ id: uuid }),
        response: { 200: z.object({ token: z.string(), url: z.string(), expiresAt: z.string(), qrSvg: z.string() }) },
      },
    }, async (req) => openSignIn(app, actorOf(req), req.params.id, now(), (token) => `${publicUrl ?? `${req.protocol}://${req.headers.host}`}/sign-in?token=${encodeURIComponent(token)}`));

    f.post('/api/sign-in', {
      schema: {
        tags: ['activities'], summary: '党员扫码签到', body: z.object({ token: z.string().trim().min(1).max(100) }),
        response: { 200: z.object({ activityId: uuid, title: z.string(), status: z.literal('present') }) },
      },
    }, async (req) => signIn(app, actorOf(req), req.body.token, now()));
  };
}
