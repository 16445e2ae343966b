/**
 * Authentication at the HTTP edge: the session cookie, the CSRF header on state-changing
 * requests, and /api/auth/*. Authorization is not decided here: handlers pass `actorOf(req)` to
 * the use cases, which check the scope.
 */
import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../app/access.ts';
import { ForbiddenError, UnauthenticatedError } from '../domain/errors.ts';
export { UnauthenticatedError };
import { authenticate, csrfMatches, login, logout, type Authenticated, type SessionPolicy } from '../app/auth-service.ts';
import { createFirstAdmin, setupNeeded } from '../app/setup-service.ts';
import type { AppContext } from '../app/context.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The session behind the cookie, set by the auth hook on /api routes (null when anonymous). */
    auth: Authenticated | null;
  }
  interface FastifyContextConfig {
    /** false: the route answers anonymous callers (login only). */
    auth?: boolean;
  }
}

export const SESSION_COOKIE = 'zhibu_session';

/** Missing or wrong CSRF token (HTTP 403). */
export class CsrfError extends ForbiddenError {
  constructor() {
    super('请求缺少有效的 CSRF 令牌（x-csrf-token），请刷新页面后重试');
    this.name = 'CsrfError';
  }
}

/** The acting user of an authenticated request; throws UnauthenticatedError otherwise. */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.auth) throw new UnauthenticatedError();
  return { ...req.auth.actor, address: req.ip };
}

export interface AuthOptions {
  /** The one-time first-run token printed by `zhibu serve` while no account exists. */
  setupToken?: string | undefined;
  /** The clock (tests advance it). */
  now: () => Date;
  policy: SessionPolicy;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Installs the cookie parser and the hook that authenticates every /api request (except routes
 * with `config.auth === false`) and checks `x-csrf-token` on every non-GET request.
 */
export async function installAuth(f: FastifyInstance, app: AppContext, opts: AuthOptions): Promise<void> {
  await f.register(cookie);
  f.decorateRequest('auth', null);
  f.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/') || req.routeOptions.config?.auth === false) return;
    const token = req.cookies[SESSION_COOKIE];
    const auth = token ? await authenticate(app, token, opts.now(), opts.policy) : null;
    if (!auth) throw new UnauthenticatedError();
    if (!SAFE_METHODS.has(req.method)) {
      const header = req.headers['x-csrf-token'];
      if (!csrfMatches(auth.csrfToken, typeof header === 'string' ? header : undefined)) throw new CsrfError();
    }
    req.auth = auth;
    // Who made the request, in its later log lines (the id only: names are personal data). pino's
    // request logger is shared with the reply's, so this reaches "request completed" too.
    (req.log as { setBindings?: (b: Record<string, unknown>) => void }).setBindings?.({ userId: auth.user.id });
  });
}

const publicUser = z.object({
  id: z.uuid(), username: z.string(), displayName: z.string(), role: z.enum(['admin', 'orgAdmin', 'member']),
  orgId: z.uuid().nullable(), orgName: z.string().nullable(), memberId: z.uuid().nullable(),
});

function setSessionCookie(req: FastifyRequest, reply: FastifyReply, token: string, expiresAt: Date): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true, sameSite: 'lax', path: '/', secure: req.protocol === 'https', expires: expiresAt,
  });
}

/** POST /api/auth/login, POST /api/auth/logout, GET /api/auth/me. */
export function authRoutes(app: AppContext, opts: AuthOptions): FastifyPluginAsyncZod {
  return async (f) => {
    f.post('/api/auth/login', {
      config: { auth: false },
      schema: {
        tags: ['auth'], summary: '登录（5 次失败后锁定 15 分钟）',
        body: z.object({ username: z.string().trim().min(1).max(50), password: z.string().min(1).max(200) }),
        response: { 200: z.object({ user: publicUser, csrfToken: z.string() }) },
      },
    }, async (req, reply) => {
      const r = await login(app, { username: req.body.username, password: req.body.password, address: req.ip }, opts.now(), opts.policy);
      setSessionCookie(req, reply, r.token, r.expiresAt);
      return { user: r.user, csrfToken: r.csrfToken };
    });

    f.post('/api/auth/logout', {
      schema: { tags: ['auth'], summary: '退出登录', response: { 204: z.null() } },
    }, async (req, reply) => {
      if (req.auth) await logout(app, req.auth.sessionId);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    });

    f.get('/api/setup', {
      config: { auth: false },
      schema: { tags: ['auth'], summary: '是否尚需创建第一个管理员', response: { 200: z.object({ needed: z.boolean() }) } },
    }, async () => ({ needed: await setupNeeded(app) }));

    f.post('/api/setup', {
      config: { auth: false },
      schema: {
        tags: ['auth'], summary: '首次使用：凭启动时终端显示的一次性链接创建第一个管理员，并登录',
        body: z.object({
          token: z.string().min(1).max(100), username: z.string().trim().min(1).max(50), password: z.string().min(1).max(200),
          displayName: z.string().trim().max(50).optional(),
        }),
        response: { 200: z.object({ user: publicUser, csrfToken: z.string() }) },
      },
    }, async (req, reply) => {
      const admin = await createFirstAdmin(app, opts.setupToken, req.body);
      const r = await login(app, { username: admin.username, password: req.body.password, address: req.ip }, opts.now(), opts.policy);
      setSessionCookie(req, reply, r.token, r.expiresAt);
      return { user: r.user, csrfToken: r.csrfToken };
    });

    f.get('/api/auth/me', {
      schema: { tags: ['auth'], summary: '当前用户', response: { 200: z.object({ user: publicUser, csrfToken: z.string() }) } },
    }, async (req) => {
      if (!req.auth) throw new UnauthenticatedError();
      return { user: req.auth.user, csrfToken: req.auth.csrfToken };
    });
  };
}
