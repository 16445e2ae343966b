/**
 * The one place where errors become HTTP answers: domain errors map to statuses with the user's
 * message; anything else is a 500 with a generic message (driver text never reaches a client).
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ForbiddenError } from '../app/access.ts';
import { AuthenticationError, ThrottledError } from '../app/auth-service.ts';
import { ConflictError, NotFoundError, ValidationError } from '../domain/errors.ts';
import { CsrfError, UnauthenticatedError } from './auth.ts';

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | Error, req, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = err.validation.map((v) => ({
        field: [err.validationContext, ...String(v.instancePath ?? '').split('/').filter(Boolean)].filter(Boolean).join('.'),
        message: v.message ?? '无效',
      }));
      return reply.status(400).send({ error: 'ValidationError', message: `请求参数有误：${issues.map((i) => `${i.field} ${i.message}`).join('；')}`, issues });
    }
    if (err instanceof ValidationError) return reply.status(400).send({ error: 'ValidationError', message: err.message, issues: err.issues });
    if (err instanceof NotFoundError) return reply.status(404).send({ error: 'NotFound', message: err.message });
    if (err instanceof ConflictError) return reply.status(409).send({ error: 'Conflict', message: err.message });
    if (err instanceof UnauthenticatedError || err instanceof AuthenticationError) return reply.status(401).send({ error: 'Unauthorized', message: err.message });
    if (err instanceof CsrfError || err instanceof ForbiddenError) return reply.status(403).send({ error: 'Forbidden', message: err.message });
    if (err instanceof ThrottledError) return reply.status(429).send({ error: 'TooManyRequests', message: err.message });
    const status = (err as FastifyError).statusCode;
    if (status && status < 500) return reply.status(status).send({ error: err.name, message: err.message });
    req.log.error({ err: { name: err.name, stack: err.stack } }, 'unhandled error');
    return reply.status(500).send({ error: 'InternalError', message: '服务器内部错误，请稍后重试' });
  });
  app.setNotFoundHandler((req, reply) => reply.status(404).send({ error: 'NotFound', message: `没有这个地址：${req.method} ${req.url.split('?')[0]}` }));
}
