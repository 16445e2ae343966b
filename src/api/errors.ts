/**
 * The one place where errors become HTTP answers: every AppError maps through ERROR_KINDS (the
 * single kind → status table) with the user's message; a full disk becomes UnavailableError
 * (503); anything else is a 500 with a generic message (driver text never reaches a client).
 * Every error answer carries the request's id (`requestId`, also the `x-request-id` header), so
 * a user's screenshot leads to the log line.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { describeThrown, ERROR_KINDS, isAppError, unavailableFrom, ValidationError } from '../domain/errors.ts';
import { formatBytes, UPLOAD_LIMITS } from '../contract/uploads.ts';

/** The message for a body beyond its content type's limit (src/contract/uploads.ts). */
function bodyTooLargeMessage(contentType: string): string {
  const [what, limit] = contentType.startsWith('application/vnd.openxmlformats-officedocument.wordprocessingml') ? ['Word 文件', UPLOAD_LIMITS.docxBytes]
    : contentType.startsWith('application/vnd.openxmlformats-officedocument.spreadsheetml') ? ['花名册文件', UPLOAD_LIMITS.rosterBytes]
      : contentType.startsWith('text/plain') ? ['文本文件', UPLOAD_LIMITS.textBytes]
        : ['请求内容', null];
  return limit === null ? `${what}过大，已拒绝处理` : `${what}超过 ${formatBytes(limit)} 的上限，已拒绝处理`;
}

function send(req: FastifyRequest, reply: FastifyReply, status: number, body: { error: string; message: string; issues?: unknown }) {
  return reply.status(status).header('x-request-id', req.id).send({ ...body, requestId: req.id });
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((thrown: unknown, req, reply) => {
    const err = thrown as FastifyError;
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = err.validation.map((v) => ({
        field: [err.validationContext, ...String(v.instancePath ?? '').split('/').filter(Boolean)].filter(Boolean).join('.'),
        message: v.message ?? '无效',
      }));
      return send(req, reply, 400, { error: 'ValidationError', message: `请求参数有误：${issues.map((i) => `${i.field} ${i.message}`).join('；')}`, issues });
    }
    const known = isAppError(thrown) ? thrown : unavailableFrom(thrown);
    if (known) {
      const { http, code } = ERROR_KINDS[known.kind];
      if (known.kind === 'unavailable') req.log.error({ cause: describeThrown(thrown) }, known.message);
      return send(req, reply, http, { error: code, message: known.message, ...(known instanceof ValidationError ? { issues: known.issues } : {}) });
    }
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return send(req, reply, ERROR_KINDS.tooLarge.http, { error: ERROR_KINDS.tooLarge.code, message: bodyTooLargeMessage(String(req.headers['content-type'] ?? '')) });
    }
    const status = thrown instanceof Error ? (err.statusCode ?? 500) : 500;
    if (status < 500) return send(req, reply, status, { error: err.name, message: err.message });
    req.log.error({ err: thrown instanceof Error ? { name: err.name, stack: err.stack } : { thrown: describeThrown(thrown) } }, 'unhandled error');
    return send(req, reply, 500, { error: 'InternalError', message: '服务器内部错误，请稍后重试' });
  });
  app.setNotFoundHandler((req, reply) => send(req, reply, 404, { error: 'NotFound', message: `没有这个地址：${req.method} ${req.url.split('?')[0]}` }));
}
