/**
 * The one errors module. Every error the application raises on purpose is an `AppError` with a
 * `kind`; `ERROR_KINDS` is the single table from kind to HTTP status and CLI exit code, read by
 * the API's error handler and by the CLI. Messages are written for the user, in Chinese, and
 * never contain personal data.
 */

/** What went wrong, as adapters need to know it. */
export type ErrorKind =
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'notFound'
  | 'conflict'
  | 'tooLarge'
  | 'throttled'
  | 'unavailable';

/** Kind → HTTP status, CLI exit code and the `error` code sent to clients. The only such table. */
export const ERROR_KINDS: Readonly<Record<ErrorKind, { http: number; exit: number; code: string }>> = {
  validation: { http: 400, exit: 2, code: 'ValidationError' },
  unauthenticated: { http: 401, exit: 5, code: 'Unauthorized' },
  forbidden: { http: 403, exit: 5, code: 'Forbidden' },
  notFound: { http: 404, exit: 3, code: 'NotFound' },
  conflict: { http: 409, exit: 4, code: 'Conflict' },
  tooLarge: { http: 413, exit: 2, code: 'PayloadTooLarge' },
  throttled: { http: 429, exit: 6, code: 'TooManyRequests' },
  unavailable: { http: 503, exit: 7, code: 'ServiceUnavailable' },
};

/** CLI exit codes besides those of the kinds: 0 ok, 1 unexpected. */
export const EXIT_OK = 0;
export const EXIT_UNEXPECTED = 1;

/** One problem with one field of the input; `row` is the 1-based spreadsheet row for imports. */
export interface FieldIssue {
  field: string;
  message: string;
  row?: number;
}

/** Base of every deliberate error: a kind (see ERROR_KINDS) and a message for the user. */
export abstract class AppError extends Error {
  abstract readonly kind: ErrorKind;
}

/** Bad input: names every offending field (and row, for imports). Nothing has been changed. */
export class ValidationError extends AppError {
  readonly kind = 'validation' as const;
  readonly issues: FieldIssue[];
  constructor(message: string, issues: FieldIssue[] = []) {
    super(message);
    this.name = 'ValidationError';
    this.issues = issues;
  }
}

/** The record does not exist, or is outside the caller's scope (the two are not told apart). */
export class NotFoundError extends AppError {
  readonly kind = 'notFound' as const;
  constructor(message: string) {
    super(message);
    this.name = 'NotFoundError';
  }
}

/** The request conflicts with the current state (duplicate, locked data directory, …). */
export class ConflictError extends AppError {
  readonly kind = 'conflict' as const;
  constructor(message: string) {
    super(message);
    this.name = 'ConflictError';
  }
}

/** Not logged in, wrong credentials, or the session has expired (HTTP 401). */
export class UnauthenticatedError extends AppError {
  readonly kind = 'unauthenticated' as const;
  constructor(message = '请先登录（会话不存在或已过期）') {
    super(message);
    this.name = 'UnauthenticatedError';
  }
}

/** The role may not use this feature at all (HTTP 403). Never used for scope: that is NotFoundError. */
export class ForbiddenError extends AppError {
  readonly kind = 'forbidden' as const;
  constructor(message = '当前账号无权进行此操作') {
    super(message);
    this.name = 'ForbiddenError';
  }
}

/** An upload or a text beyond the stated limits (HTTP 413); the message says which limit. */
export class TooLargeError extends AppError {
  readonly kind = 'tooLarge' as const;
  constructor(message: string) {
    super(message);
    this.name = 'TooLargeError';
  }
}

/** Too many attempts or requests (HTTP 429); the message says when to try again. */
export class ThrottledError extends AppError {
  readonly kind = 'throttled' as const;
  constructor(message: string) {
    super(message);
    this.name = 'ThrottledError';
  }
}

/** The server cannot do it now (disk full, a worker timed out, …) (HTTP 503); nothing was changed. */
export class UnavailableError extends AppError {
  readonly kind = 'unavailable' as const;
  constructor(message: string) {
    super(message);
    this.name = 'UnavailableError';
  }
}

/** True for the errors of this module (any realm-local subclass of AppError). */
export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
