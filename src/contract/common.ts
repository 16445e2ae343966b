/**
 * Building blocks of every feature's contract (`src/contract/<feature>.ts`): the edge checks that
 * all requests share. Dates are real calendar dates, text is trimmed, bounded and free of control
 * characters, ids are uuids. Imported by the API, the CLI and the web (types and labels only).
 */
import { z } from 'zod';
import { isLocalDate } from '../domain/common/dates.ts';
import { ValidationError } from '../domain/errors.ts';

/** A record id. */
export const uuid = z.uuid();

/** A real calendar date written `YYYY-MM-DD` (2025-02-30 and 2024-13-01 are refused). */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应为 YYYY-MM-DD').refine(isLocalDate, '不是有效的日历日期');

// C0 controls and DEL; tab, newline and carriage return are allowed in multi-line text only.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_ONE_LINE = /[\u0000-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_MULTI_LINE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** One line of text: trimmed, at most `max` characters, no control characters (NUL included). */
export const text = (max: number) => z.string().trim().max(max, `不能超过 ${max} 个字符`).refine((s) => !CONTROL_ONE_LINE.test(s), '含有不允许的控制字符');

/** Multi-line text (minutes, comments): like `text`, but tabs and line breaks are kept. */
export const multilineText = (max: number) => z.string().trim().max(max, `不能超过 ${max} 个字符`).refine((s) => !CONTROL_MULTI_LINE.test(s), '含有不允许的控制字符');

/** A reporting period in a query string: a year with an optional quarter or half, or from/to dates. */
export const periodQuery = z.object({
  year: z.coerce.number().int().min(1921).max(2200).optional(),
  quarter: z.coerce.number().int().min(1).max(4).optional(),
  half: z.coerce.number().int().min(1).max(2).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});

/** One problem with one field (and row, for imports). */
export const fieldIssue = z.object({ field: z.string(), message: z.string(), row: z.number().int().optional() });

/** Every error answer: a code from ERROR_KINDS, the user's message, and the fields at fault. */
export const errorBody = z.object({ error: z.string(), message: z.string(), issues: z.array(fieldIssue).optional(), requestId: z.string().optional() });

/** A page of a list. */
export const page = <T extends z.ZodType>(item: T) => z.object({ total: z.number().int(), items: z.array(item) });

/**
 * Parses `value` with a contract schema for an adapter that is not the API (the CLI): the same
 * checks, and a ValidationError naming every field at fault instead of a ZodError.
 */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issues = r.error.issues.map((i) => ({ field: i.path.join('.') || 'input', message: i.message }));
  throw new ValidationError(`参数有误：${issues.map((i) => `${i.field}：${i.message}`).join('；')}`, issues);
}
