/**
 * Read-your-own-writes with a read replica: after a session's successful state-changing request,
 * its requests during the next READ_YOUR_WRITES_MS read from the primary (readFromPrimary), so
 * a report or dashboard opened right after recording a meeting shows it even if the streaming
 * replica lags. Other sessions keep reading from the replica. Only installed with a replica.
 */
import type { FastifyInstance } from 'fastify';
import { readFromPrimary } from '../app/context.ts';
import { SESSION_COOKIE } from './auth.ts';

/** How long a session reads from the primary after it wrote (a streaming replica lags by well under this). */
export const READ_YOUR_WRITES_MS = 10_000;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Adds the hooks; call after the cookie parser is registered. `now` is the clock in ms (tests advance it). */
export function installReadYourWrites(f: FastifyInstance, now: () => number = Date.now): void {
  const lastWrite = new Map<string, number>();
  f.addHook('onRequest', (req, _reply, done) => {
    const session = req.cookies[SESSION_COOKIE];
    const at = session ? lastWrite.get(session) : undefined;
    if (at !== undefined && now() - at < READ_YOUR_WRITES_MS) readFromPrimary(done);
    else done();
  });
  f.addHook('onResponse', (req, reply, done) => {
    const session = req.cookies[SESSION_COOKIE];
    if (session && !SAFE_METHODS.has(req.method) && reply.statusCode < 400) {
      const t = now();
      lastWrite.set(session, t);
      // Forget sessions whose window has passed, so the map stays as small as the recent writers.
      if (lastWrite.size > 1000) for (const [k, v] of lastWrite) if (t - v >= READ_YOUR_WRITES_MS) lastWrite.delete(k);
    }
    done();
  });
}
