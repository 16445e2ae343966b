/**
 * The HTTP server: Fastify with zod schemas, OpenAPI at /docs, routes under /api/.
 * Until accounts and access control exist, the server listens on loopback only.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../app/context.ts';
import { installErrorHandler } from './errors.ts';
import { activityRoutes } from './routes/activity-routes.ts';
import { memberRoutes } from './routes/member-routes.ts';
import { orgRoutes } from './routes/org-routes.ts';
import { reportRoutes } from './routes/report-routes.ts';

export interface ServerOptions {
  /** Today's date as `YYYY-MM-DD` (China local); the adapter owns the clock. */
  today: () => string;
  logger?: boolean;
}

/** Builds the server (not listening). */
export async function buildServer(app: AppContext, opts: ServerOptions): Promise<FastifyInstance> {
  const f = Fastify({
    logger: opts.logger ? { level: 'info', redact: ['req.headers.authorization', 'req.headers.cookie'] } : false,
    bodyLimit: 5 * 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  f.setValidatorCompiler(validatorCompiler);
  f.setSerializerCompiler(serializerCompiler);
  installErrorHandler(f);
  await f.register(swagger, {
    openapi: { info: { title: 'Zhibu 支部 API', description: '基层党组织工作平台', version: '0.1.0' } },
    transform: jsonSchemaTransform,
  });
  await f.register(swaggerUi, { routePrefix: '/docs' });
  f.get('/healthz', { schema: { hide: true } }, async () => ({ ok: true }));
  await f.register(orgRoutes(app));
  await f.register(memberRoutes(app));
  await f.register(activityRoutes(app, opts.today));
  await f.register(reportRoutes(app));
  return f;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

/**
 * Refuses to listen beyond loopback while the server has no accounts: member records hold
 * personal data, and anyone on the network could read them.
 */
export function assertLoopback(host: string): void {
  if (!LOOPBACK.has(host) && !host.startsWith('127.')) {
    throw new Error(`拒绝在 ${host} 上监听：账号与权限功能上线前，服务只允许本机访问（127.0.0.1），以免党员个人信息暴露在网络上。` +
      `(Refusing to listen on ${host}: until accounts exist, Zhibu serves loopback only.)`);
  }
}
