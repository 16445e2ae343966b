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

/** Told to the user when the disk is full: nothing was saved, and who can fix it. */
export const DISK_FULL_MESSAGE = '服务器磁盘空间已满，本次操作未能完成，也没有保存任何改动。请联系系统管理员清理磁盘后重试';

// ENOSPC as Node reports it (code), as PostgreSQL does (SQLSTATE 53100 disk_full), and as the
// Emscripten file system under PGlite does: a plain `{ name: 'ErrnoError', errno: 51 }`, no Error.
const DISK_FULL_CODES = new Set(['ENOSPC', 'EDQUOT', '53100']);
const EMSCRIPTEN_ENOSPC = 51;

/**
 * The UnavailableError that a failure of the machine means — a full disk, whether Node,
 * PostgreSQL or PGlite's file system reports it — or null for any other error. Accepts anything
 * thrown, Error or not.
 */
export function unavailableFrom(e: unknown): UnavailableError | null {
  if (e instanceof UnavailableError) return e;
  if (typeof e !== 'object' || e === null) return null;
  const o = e as { code?: unknown; errno?: unknown; name?: unknown; message?: unknown; cause?: unknown };
  if (typeof o.code === 'string' && DISK_FULL_CODES.has(o.code)) return new UnavailableError(DISK_FULL_MESSAGE);
  if (o.name === 'ErrnoError' && o.errno === EMSCRIPTEN_ENOSPC) return new UnavailableError(DISK_FULL_MESSAGE);
  if (typeof o.message === 'string' && /No space left on device/i.test(o.message)) return new UnavailableError(DISK_FULL_MESSAGE);
  return o.cause !== undefined && o.cause !== e ? unavailableFrom(o.cause) : null;
}

/**
 * A short description of something thrown that is not an AppError, for a message or a log line:
 * an Error's message, else the name, code or errno of an object (never its other fields, which
 * may hold personal data), else the value itself for strings and numbers.
 */
export function describeThrown(e: unknown): string {
  if (e instanceof Error) return e.message || e.name;
  if (typeof e === 'string') return e;
  if (typeof e === 'number' || typeof e === 'boolean' || typeof e === 'bigint') return String(e);
  if (typeof e === 'object' && e !== null) {
    const o = e as { name?: unknown; code?: unknown; errno?: unknown; message?: unknown };
    const parts = [o.name, o.code, o.errno !== undefined ? `errno ${String(o.errno)}` : undefined, o.message]
      .filter((p): p is string | number => typeof p === 'string' || typeof p === 'number')
      .map(String);
    if (parts.length > 0) return parts.join(' ');
  }
  return '未知错误';
}
