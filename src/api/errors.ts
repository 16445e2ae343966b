/**
 * The one place where errors become HTTP answers: every AppError maps through ERROR_KINDS (the
 * single kind → status table) with the user's message; anything else is a 500 with a generic
 * message (driver text never reaches a client).
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ERROR_KINDS, isAppError, ValidationError } from '../domain/errors.ts';
import { formatBytes, UPLOAD_LIMITS } from '../contract/uploads.ts';

/** The message for a body beyond its content type's limit (src/contract/uploads.ts). */
function bodyTooLargeMessage(contentType: string): string {
  const [what, limit] = contentType.startsWith('application/vnd.openxmlformats-officedocument.wordprocessingml') ? ['Word 文件', UPLOAD_LIMITS.docxBytes]
    : contentType.startsWith('application/vnd.openxmlformats-officedocument.spreadsheetml') ? ['花名册文件', UPLOAD_LIMITS.rosterBytes]
      : contentType.startsWith('text/plain') ? ['文本文件', UPLOAD_LIMITS.textBytes]
        : ['请求内容', null];
  return limit === null ? `${what}过大，已拒绝处理` : `${what}超过 ${formatBytes(limit)} 的上限，已拒绝处理`;
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | Error, req, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = err.validation.map((v) => ({
        field: [err.validationContext, ...String(v.instancePath ?? '').split('/').filter(Boolean)].filter(Boolean).join('.'),
        message: v.message ?? '无效',
      }));
      return reply.status(400).send({ error: 'ValidationError', message: `请求参数有误：${issues.map((i) => `${i.field} ${i.message}`).join('；')}`, issues });
    }
    if (isAppError(err)) {
      const { http, code } = ERROR_KINDS[err.kind];
      return reply.status(http).send({ error: code, message: err.message, ...(err instanceof ValidationError ? { issues: err.issues } : {}) });
    }
    if ((err as FastifyError).code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply.status(ERROR_KINDS.tooLarge.http).send({ error: ERROR_KINDS.tooLarge.code, message: bodyTooLargeMessage(String(req.headers['content-type'] ?? '')) });
    }
    const status = (err as FastifyError).statusCode;
    if (status && status < 500) return reply.status(status).send({ error: err.name, message: err.message });
    req.log.error({ err: { name: err.name, stack: err.stack } }, 'unhandled error');
    return reply.status(500).send({ error: 'InternalError', message: '服务器内部错误，请稍后重试' });
  });
  app.setNotFoundHandler((req, reply) => reply.status(404).send({ error: 'NotFound', message: `没有这个地址：${req.method} ${req.url.split('?')[0]}` }));
}
