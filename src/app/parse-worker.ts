/**
 * The worker-thread entry of the parse pool (parse-pool.ts): runs one task of parsing.ts and
 * answers `{ ok, value }` or `{ ok: false, error }`. Errors travel as plain data (kind, message,
 * issues) because a thrown class does not survive the thread boundary.
 */
import { isAppError, ValidationError, type ErrorKind, type FieldIssue } from '../domain/errors.ts';
import type { ProofreadOptions } from '../domain/analysis/proofread.ts';
import { validateRoster, type RosterOptions } from '../domain/member/roster.ts';
import { checkDocText, readRoster, readSummary } from './parsing.ts';

/** One task for the pool. Buffers arrive as Uint8Array (structured clone). */
export type ParseTask =
  | { task: 'readSummary'; bytes: Uint8Array; kind: 'docx' | 'text'; name: string }
  | { task: 'check'; name: string; text: string; options: Pick<ProofreadOptions, 'facts'> }
  | { task: 'readRoster'; bytes: Uint8Array; options: RosterOptions };

/** A task's answer. */
export type ParseAnswer =
  | { ok: true; value: unknown }
  | { ok: false; error: { kind: ErrorKind | null; message: string; issues?: FieldIssue[] } };

function asBuffer(b: Uint8Array): Buffer {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength);
}

/** Runs one task (the pool's worker calls this). */
export default async function run(t: ParseTask): Promise<ParseAnswer> {
  try {
    switch (t.task) {
      case 'readSummary': return { ok: true, value: await readSummary(asBuffer(t.bytes), t.kind, t.name) };
      case 'check': return { ok: true, value: checkDocText(t.name, t.text, t.options) };
      case 'readRoster': return { ok: true, value: validateRoster(await readRoster(asBuffer(t.bytes)), t.options) };
    }
  } catch (e) {
    if (isAppError(e)) {
      return { ok: false, error: { kind: e.kind, message: e.message, ...(e instanceof ValidationError ? { issues: e.issues } : {}) } };
    }
    return { ok: false, error: { kind: null, message: e instanceof Error ? e.message : String(e) } };
  }
}
