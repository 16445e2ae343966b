/**
 * Heavy parsing off the main thread (issue 13): .docx/.xlsx reading, analysis and proofreading
 * of uploads, and roster parsing run in a pool of worker threads (piscina), each task with a
 * time limit and each worker with a heap limit, so the event loop (and with it /healthz and the
 * data-directory lock) never waits on an upload. A task past its time limit is stopped (its
 * worker is terminated) and answered with UnavailableError; a worker that runs out of memory
 * answers TooLargeError.
 *
 * The worker file sits next to this module: `parse-worker.ts` when running from the TypeScript
 * sources (tests, `bin/zhibu.mjs` through tsx; the worker then loads tsx too), `parse-worker.js`
 * when running from compiled JavaScript.
 */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { UPLOAD_LIMITS } from '../contract/uploads.ts';
import {
  ConflictError, ForbiddenError, NotFoundError, ThrottledError, TooLargeError, UnauthenticatedError, UnavailableError, ValidationError,
  type AppError,
} from '../domain/errors.ts';
import type { RosterOptions, RosterResult } from '../domain/member/roster.ts';
import type { ProofreadOptions } from '../domain/analysis/proofread.ts';
import type { CheckedDoc, ReadSummary } from './parsing.ts';
import type { ParseAnswer, ParseTask } from './parse-worker.ts';

const fromSources = import.meta.url.endsWith('.ts');
const WORKER_URL = new URL(fromSources ? './parse-worker.ts' : './parse-worker.js', import.meta.url);

let pool: Piscina | null = null;

function thePool(): Piscina {
  pool ??= new Piscina({
    filename: WORKER_URL.href,
    // Running from sources, the worker needs tsx to load .ts files.
    execArgv: fromSources ? ['--import', 'tsx'] : [],
    minThreads: 0,
    maxThreads: Math.max(1, Math.min(2, availableParallelism() - 1)),
    idleTimeout: 60_000,
    // A zip bomb or a pathological file can exhaust a worker's heap; never the server's.
    resourceLimits: { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 64 },
  });
  return pool;
}

/** Stops the pool's workers (tests and shutdown); the next task starts a new pool. */
export async function closeParsePool(): Promise<void> {
  const p = pool;
  pool = null;
  await p?.destroy();
}

function rebuild(e: NonNullable<Extract<ParseAnswer, { ok: false }>['error']>): Error {
  switch (e.kind) {
    case 'validation': return new ValidationError(e.message, e.issues ?? []);
    case 'tooLarge': return new TooLargeError(e.message);
    case 'notFound': return new NotFoundError(e.message);
    case 'conflict': return new ConflictError(e.message);
    case 'forbidden': return new ForbiddenError(e.message);
    case 'unauthenticated': return new UnauthenticatedError(e.message);
    case 'throttled': return new ThrottledError(e.message);
    case 'unavailable': return new UnavailableError(e.message);
    default: return new Error(e.message);
  }
}

/**
 * Runs one task in the pool with a time limit (default UPLOAD_LIMITS.parseMillis). Throws the
 * task's AppError as it was thrown in the worker; UnavailableError past the time limit;
 * TooLargeError when the worker ran out of memory.
 */
async function runTask<T>(task: ParseTask, timeoutMs: number = UPLOAD_LIMITS.parseMillis): Promise<T> {
  let answer: ParseAnswer;
  try {
    answer = await thePool().run(task, { signal: AbortSignal.timeout(timeoutMs) }) as ParseAnswer;
  } catch (e) {
    const err = e as { name?: string; code?: string; message?: string };
    if (err.name === 'AbortError' || err.name === 'TimeoutError') {
      throw new UnavailableError(`文件处理超过 ${Math.max(1, Math.round(timeoutMs / 1000))} 秒仍未完成，已停止；文件可能过大或过于复杂，请拆分后再试`);
    }
    if (err.code === 'ERR_WORKER_OUT_OF_MEMORY' || /out of memory/i.test(err.message ?? '')) {
      throw new TooLargeError('文件内容过大，处理时超出内存上限，已停止；请拆分后再试');
    }
    throw e;
  }
  if (!answer.ok) throw rebuild(answer.error) as AppError;
  return answer.value as T;
}

/** readSummary (parsing.ts) in the pool. */
export function readSummaryOffThread(bytes: Buffer, kind: 'docx' | 'text', name = '文件', timeoutMs?: number): Promise<ReadSummary> {
  return runTask({ task: 'readSummary', bytes, kind, name }, timeoutMs);
}

/** checkDocText (parsing.ts) in the pool. */
export function checkDocTextOffThread(name: string, text: string, options: Pick<ProofreadOptions, 'facts'> = {}, timeoutMs?: number): Promise<CheckedDoc> {
  return runTask({ task: 'check', name, text, options }, timeoutMs);
}

/** readRoster then validateRoster (domain/member/roster.ts) in the pool. */
export function validateRosterOffThread(bytes: Buffer, options: RosterOptions, timeoutMs?: number): Promise<RosterResult> {
  return runTask({ task: 'readRoster', bytes, options }, timeoutMs);
}
