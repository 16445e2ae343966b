/**
 * The HTTP server: Fastify with zod schemas, OpenAPI at /docs, routes under /api/. Every /api
 * route except the login needs a session (auth.ts); the use cases check the caller's scope.
 * Until the first account exists, the server listens on loopback only.
 */
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { DEFAULT_SESSION_POLICY, hasUsers, type SessionPolicy } from '../app/auth-service.ts';
import { readsOf, type AppContext } from '../app/context.ts';
import type { LogLevel } from '../app/config.ts';
import { installSecurity } from './security.ts';
import { authRoutes, installAuth } from './auth.ts';
import { installErrorHandler } from './errors.ts';
import { installRateLimits } from './rate-limits.ts';
import { installReadYourWrites } from './read-routing.ts';
import { activityRoutes } from './routes/activity-routes.ts';
import { historyRoutes } from './routes/history-routes.ts';
import { accountRoutes } from './routes/account-routes.ts';
import { dashboardRoutes } from './routes/dashboard-routes.ts';
import { meRoutes } from './routes/me-routes.ts';
import { memberRoutes } from './routes/member-routes.ts';
import { membershipRoutes } from './routes/membership-routes.ts';
import { orgRoutes } from './routes/org-routes.ts';
import { recordRoutes } from './routes/record-routes.ts';
import { reportRoutes } from './routes/report-routes.ts';
import { documentRoutes } from './routes/document-routes.ts';
import { webUi } from './static.ts';
import compress from '@fastify/compress';
import { signInRoutes } from './routes/sign-in-routes.ts';
import { summaryRoutes } from './routes/summary-routes.ts';
import { complianceRoutes } from './routes/compliance-routes.ts';
import { developmentRoutes } from './routes/development-routes.ts';
import { duesRoutes } from './routes/dues-routes.ts';
import { settingsRoutes } from './routes/settings-routes.ts';
import { personalDataLogRoutes } from './routes/personal-data-log-routes.ts';
import { serviceProjectRoutes } from './routes/service-project-routes.ts';

export interface ServerOptions {
  /** Today's date as `YYYY-MM-DD` (China local); the adapter owns the clock. */
  today: () => string;
  /** The clock for sessions, throttling and sign-in tokens (tests advance it); default the real one. */
  now?: () => Date;
  /** Session lifetimes; default 8 h idle, 7 days absolute. */
  sessionPolicy?: SessionPolicy;
  /**
   * Which proxies to believe for X-Forwarded-Proto/-For (Fastify `trustProxy`): default the
   * loopback addresses, so nginx/caddy on the same machine can say the request came over HTTPS.
   */
  trustProxy?: boolean | string | string[];
  /** Multiplies the per-account limits of the expensive routes (rate-limits.ts); false turns them off (tests). */
  rateLimitScale?: number | false;
  /**
   * Request log level (pino, structured JSON on stdout); default 'silent' (tests). Personal data
   * and secrets are redacted (LOG_REDACT); bodies are never logged, query strings only by key.
   */
  logLevel?: LogLevel;
  /** Where the log lines go; default stdout (tests pass a stream to read them). */
  logStream?: { write(line: string): void };
  /**
   * The configured public base URL (`ZHIBU_PUBLIC_URL`, origin only): the QR sign-in link is
   * built on it, and it is an accepted Origin. Unset: the request's Host header is used.
   */
  publicUrl?: string | undefined;
  /** First run: the one-time token with which the first administrator may be created (POST /api/setup). */
  setupToken?: string | undefined;
}

/**
 * What the request logger must never print: secrets (passwords, cookies, tokens) and personal
 * data (身份证号, phone numbers), wherever a body or header object is logged.
 */
export const LOG_REDACT = [
  'req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]',
  'headers.authorization', 'headers.cookie', 'headers["x-csrf-token"]',
  '*.password', '*.token', '*.csrfToken', '*.idNumber', '*.phone', '*.passwordHash',
  'body.*.idNumber', 'body.*.phone', 'body.password', 'body.token',
];

/**
 * A request as logged: method, path, the names (not values) of its query parameters — search
 * words and sign-in tokens travel there — and the client address.
 */
export function requestForLog(req: FastifyRequest): Record<string, unknown> {
  const [path, query] = (req.url ?? '').split('?', 2);
  const keys = query ? [...new URLSearchParams(query).keys()] : [];
  return { method: req.method, url: keys.length > 0 ? `${path}?${keys.map((k) => `${k}=…`).join('&')}` : path, remoteAddress: req.ip };
}

/** Builds the server (not listening). */
export async function buildServer(app: AppContext, opts: ServerOptions): Promise<FastifyInstance> {
  const level = opts.logLevel ?? 'silent';
  const f = Fastify({
    logger: level === 'silent' ? false : {
      level,
      redact: { paths: LOG_REDACT, censor: '[已隐去]' },
      serializers: { req: requestForLog },
      ...(opts.logStream ? { stream: opts.logStream } : {}),
    },
    // A random id per request: in every log line, the x-request-id header and every error answer.
    genReqId: () => randomUUID(),
    bodyLimit: 5 * 1024 * 1024,
    trustProxy: opts.trustProxy ?? ['127.0.0.1', '::1'],
  }).withTypeProvider<ZodTypeProvider>();
  f.setValidatorCompiler(validatorCompiler);
  f.setSerializerCompiler(serializerCompiler);
  installErrorHandler(f);
  f.addHook('onRequest', async (req, reply) => { reply.header('x-request-id', req.id); });
  await installSecurity(f, { publicUrl: opts.publicUrl });
  // Compressed answers: the first screen's JavaScript and the JSON lists travel gzip/brotli.
  await f.register(compress, { threshold: 1024 });
  const auth = { now: opts.now ?? (() => new Date()), policy: opts.sessionPolicy ?? DEFAULT_SESSION_POLICY, setupToken: opts.setupToken };
  await installAuth(f, app, auth);
  await installRateLimits(f, opts.rateLimitScale ?? 1);
  // With a read replica, reports, dashboards and checks (readsOf below) read from it, except right after the caller's own writes.
  if (app.reads) installReadYourWrites(f);
  await f.register(swagger, {
    openapi: { info: { title: 'Zhibu 支部 API', description: '基层党组织工作平台', version: '0.1.0' } },
    transform: jsonSchemaTransform,
  });
  // No validator badge: it would load an image from validator.swagger.io, which the CSP refuses.
  await f.register(swaggerUi, { routePrefix: '/docs', uiConfig: { validatorUrl: null } });
  f.get('/healthz', { schema: { hide: true } }, async () => ({ ok: true }));
  await f.register(authRoutes(app, auth));
  await f.register(orgRoutes(app));
  await f.register(memberRoutes(app, opts.today));
  await f.register(activityRoutes(app, opts.today, auth.now));
  await f.register(historyRoutes(app, auth.now));
  await f.register(signInRoutes(app, auth.now, opts.publicUrl));
  await f.register(membershipRoutes(app, opts.today));
  await f.register(accountRoutes(app, auth.now));
  await f.register(reportRoutes(readsOf(app), opts.today));
  await f.register(documentRoutes(app));
  await f.register(summaryRoutes(app, opts.today, auth.now));
  await f.register(dashboardRoutes(readsOf(app), opts.today));
  await f.register(recordRoutes(app));
  await f.register(meRoutes(app, opts.today));
  await f.register(developmentRoutes(app, opts.today, auth.now));
  await f.register(duesRoutes(app, opts.today));
  await f.register(complianceRoutes(readsOf(app), opts.today));
  await f.register(settingsRoutes(app));
  await f.register(personalDataLogRoutes(app));
  await f.register(serviceProjectRoutes(app, opts.today, auth.now));
  await f.register(webUi);
  return f;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

/** Whether `host` is a loopback address (only this machine can connect). */
export function isLoopback(host: string): boolean {
  return LOOPBACK.has(host) || host.startsWith('127.');
}

/**
 * Refuses to listen beyond loopback while no account exists: without one, nobody could log in,
 * and the first account must be made locally with `zhibu user add --admin`. Throws Error.
 */
export async function assertListenAllowed(app: AppContext, host: string): Promise<void> {
  if (isLoopback(host) || await hasUsers(app)) return;
  throw new Error(`拒绝在 ${host} 上监听：系统还没有任何账号。请先运行 zhibu user add --admin --username <用户名> 创建管理员，再对外提供服务。` +
    `(Refusing to listen on ${host}: no account exists yet; run \`zhibu user add --admin\` first.)`);
}
